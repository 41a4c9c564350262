/**
 * Becoming a unit's liaison (联络员): a person asks for a unit by name, the
 * request waits for an administrator or supervisor, who approves or
 * rejects it. Only a reviewer's decision counts, whatever a card carries.
 * Every step leaves an audit entry, in the caller's transaction.
 */
import type { Repositories } from '../../repositories/index.js';
import type { RoleGrantRecord } from '../../repositories/person-repository.js';
import type { UnitDirectory } from '../questions/unit-directory.js';

/** Why a request or decision was not taken, in words for the person. */
export class BindingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BindingRefused';
  }
}

/** A unit as a person sees it. */
export interface BoundUnit {
  id: number;
  name: string;
  jurisdiction: string;
}

/** People who may approve: BOT_ADMINS, admin grants and supervisors. */
export async function reviewersOf(repos: Repositories, admins: readonly string[]): Promise<string[]> {
  const granted = [...(await repos.people.holders('admin')), ...(await repos.people.holders('supervisor'))].map((grant) => grant.openId);
  return [...new Set([...admins, ...granted])];
}

/** Who reviews someone's request: every reviewer but the person asking (nobody approves their own request). */
export async function reviewersFor(repos: Repositories, requester: string, admins: readonly string[]): Promise<string[]> {
  return (await reviewersOf(repos, admins)).filter((openId) => openId !== requester);
}

/** Whether someone may review liaison requests. */
export async function mayReview(repos: Repositories, openId: string, admins: readonly string[]): Promise<boolean> {
  return (await reviewersOf(repos, admins)).includes(openId);
}

/** Finds the one unit a name (optionally preceded by its city) means, or says why not. */
export function resolveUnit(text: string, directory: UnitDirectory): BoundUnit {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  const city = /^([\u4e00-\u9fa5]{2,6}(?:市|区|县))\s+(.+)$/.exec(cleaned);
  const name = (city?.[2] ?? cleaned).replace(/\s+/g, '');
  const mentions = directory.findMentions(name);
  const mention = mentions.length === 1 && mentions[0]!.start === 0 && mentions[0]!.end === name.length ? mentions[0]! : undefined;
  if (!mention) {
    const suggestions = directory.suggest(name);
    const hint = suggestions.length > 0 ? `你是不是要找：${suggestions.join('、')}？` : '';
    throw new BindingRefused(`没有找到名为“${name}”的单位。${hint}请写单位全称，例如“/绑定 市财政局”。`);
  }
  let units = mention.unitIds.map((id) => directory.unit(id)!).filter(Boolean);
  if (city) units = units.filter((unit) => unit.jurisdiction === city[1]);
  if (units.length === 0) throw new BindingRefused(`${city![1]}没有名为“${name}”的单位。`);
  if (units.length > 1) {
    const cities = [...new Set(units.map((unit) => unit.jurisdiction))];
    throw new BindingRefused(`有 ${units.length} 个单位叫这个名字（${cities.join('、')}）。请写明地区，例如“/绑定 ${cities[0]} ${units[0]!.name}”。`);
  }
  return { id: units[0]!.id, name: units[0]!.name, jurisdiction: units[0]!.jurisdiction };
}

/** Records a pending request to be `unit`'s liaison. */
export async function requestBinding(repos: Repositories, openId: string, unit: BoundUnit): Promise<RoleGrantRecord> {
  const person = await repos.people.upsert(openId);
  const sameUnit = (grant: RoleGrantRecord) => grant.role === 'liaison' && grant.unitId === unit.id;
  if ((await repos.people.grantsOf(openId, 'active')).some(sameUnit)) throw new BindingRefused(`你已经是${unit.jurisdiction}${unit.name}的联络员了。`);
  if ((await repos.people.grantsOf(openId, 'pending')).some(sameUnit)) throw new BindingRefused(`你申请成为${unit.jurisdiction}${unit.name}联络员的请求正在等待审批。`);
  const grant = await repos.people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'pending' });
  await repos.audit.record({ actor: openId, action: 'grant.request', entityType: 'grant', entityId: grant.id, after: { role: 'liaison', unitId: unit.id, state: 'pending' } });
  return grant;
}

/** Approves or rejects a pending request; the reviewer is checked here, on the server. */
export async function reviewBinding(
  repos: Repositories,
  input: { grantId: number; approve: boolean; reviewer: string; admins: readonly string[] },
): Promise<RoleGrantRecord> {
  if (!(await mayReview(repos, input.reviewer, input.admins))) throw new BindingRefused('只有管理员或督查人员可以审批联络员申请。');
  const grant = await repos.people.getGrant(input.grantId);
  if (!grant) throw new BindingRefused('这个申请已不存在。');
  if (grant.state !== 'pending') throw new BindingRefused(grant.state === 'active' ? '这个申请已经通过了。' : '这个申请已经处理过了。');
  // Four eyes: whoever asked cannot decide, whatever roles they hold.
  if (grant.openId === input.reviewer) throw new BindingRefused('不能审批自己的申请：请另一位督查人员或管理员审批。');
  const decided = await repos.people.decideGrant(grant.id, 'pending', input.approve ? 'active' : 'revoked', input.reviewer);
  if (!decided) throw new BindingRefused('这个申请刚刚已被其他人处理。');
  await repos.audit.record({
    actor: input.reviewer,
    action: input.approve ? 'grant.approve' : 'grant.reject',
    entityType: 'grant',
    entityId: grant.id,
    before: { state: 'pending' },
    after: { state: decided.state },
  });
  return decided;
}

/**
 * Ends someone's liaison role for a unit: their own, or anyone's when an
 * administrator does it. Only an active grant can be ended, once.
 */
export async function revokeBinding(
  repos: Repositories,
  input: { openId: string; unit: BoundUnit; by: string; byAdmin: boolean },
): Promise<RoleGrantRecord> {
  if (input.openId !== input.by && !input.byAdmin) throw new BindingRefused('只有管理员可以解除他人的联络员身份。');
  const grant = (await repos.people.grantsOf(input.openId, 'active')).find((candidate) => candidate.role === 'liaison' && candidate.unitId === input.unit.id);
  const who = input.openId === input.by ? '你' : '对方';
  if (!grant) throw new BindingRefused(`${who}不是${input.unit.jurisdiction}${input.unit.name}的联络员。`);
  const revoked = await repos.people.decideGrant(grant.id, 'active', 'revoked', input.by);
  if (!revoked) throw new BindingRefused('这个联络员身份刚刚已被解除。');
  await repos.audit.record({ actor: input.by, action: 'grant.revoke', entityType: 'grant', entityId: grant.id, before: { state: 'active' }, after: { state: 'revoked' } });
  return revoked;
}
