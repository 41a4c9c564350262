/**
 * The people and chats of the local console: an administrator, a
 * supervisor (督查室), a liaison of a seed unit and an ordinary member, a
 * group chat and each person's one-to-one chat with the bot. Their roles
 * are real grants in the database, written once with their audit records,
 * so every permission the console shows is the server's own check.
 */
import type { Database } from '../db/database.js';
import type { RoleName } from '../domain/vocabulary.js';

/** A person one can act as in the console. */
export interface CastMember {
  key: string;
  openId: string;
  name: string;
  /** What they are, in words for the chooser. */
  title: string;
  role: RoleName | null;
  /** For a liaison: the unit, preferred jurisdiction first. */
  unit?: { name: string; jurisdictions: readonly string[] };
}

/** The console's people. */
export const CAST: readonly CastMember[] = [
  { key: 'admin', openId: 'ou_console_admin', name: '王主任', title: '管理员', role: 'admin' },
  { key: 'supervisor', openId: 'ou_console_supervisor', name: '李督查', title: '督查室', role: 'supervisor' },
  { key: 'liaison', openId: 'ou_console_liaison', name: '张联络', title: '市财政局联络员', role: 'liaison', unit: { name: '市财政局', jurisdictions: ['中山市', '临沂市', '江门市'] } },
  { key: 'member', openId: 'ou_console_member', name: '陈同事', title: '普通成员', role: null },
];

/** A chat of the console. */
export interface ConsoleChat {
  chatId: string;
  name: string;
  chatType: 'p2p' | 'group';
  /** For a one-to-one chat: whose it is. */
  ownerOpenId?: string;
}

/** The group every cast member is in. */
export const GROUP_CHAT: ConsoleChat = { chatId: 'oc_console_group', name: '督办工作群', chatType: 'group' };

/** A person's one-to-one chat with the bot. */
export function p2pChatOf(member: Pick<CastMember, 'key' | 'openId'>): ConsoleChat {
  return { chatId: `oc_console_p2p_${member.key}`, name: '督办助手', chatType: 'p2p', ownerOpenId: member.openId };
}

/** Every chat of the console. */
export const CONSOLE_CHATS: readonly ConsoleChat[] = [GROUP_CHAT, ...CAST.map(p2pChatOf)];

/** A cast member by open_id. */
export function castMember(openId: string): CastMember | undefined {
  return CAST.find((member) => member.openId === openId);
}

/** What the chooser shows of a person after seeding: the liaison's unit as found. */
export interface SeatedMember extends CastMember {
  /** "中山市 市财政局", or null when the unit is not in the database. */
  unitLabel: string | null;
}

/**
 * Takes every role the cast holds away (with an audit record each), when
 * the console is off or beside a real app: its people are not real, so they
 * must never review a real request, receive a real card or change a real
 * task. Returns how many grants were revoked.
 */
export async function unseatCast(db: Database, reason: 'console_off' | 'beside_real_app'): Promise<number> {
  return db.transaction(async (repos) => {
    let revoked = 0;
    for (const member of CAST) {
      for (const state of ['active', 'pending'] as const) {
        for (const grant of await repos.people.grantsOf(member.openId, state)) {
          if (!(await repos.people.decideGrant(grant.id, state, 'revoked', 'console'))) continue;
          await repos.audit.record({ actor: 'console', action: 'grant.console_revoke', entityType: 'grant', entityId: grant.id, before: { state }, after: { state: 'revoked', reason } });
          revoked++;
        }
      }
    }
    return revoked;
  });
}

/**
 * Gives the cast their roles, once: each person is stored by name, and a
 * role they lack is granted (active, by 'console') with an audit record, in
 * one transaction. A liaison whose unit is not in the database yet (no
 * plan imported) gets no grant and is shown as unbound. Beside a real app
 * (`withRoles: false`) the cast is seated without any role: they may ask,
 * not act.
 */
export async function seatCast(db: Database, options: { withRoles: boolean } = { withRoles: true }): Promise<SeatedMember[]> {
  if (!options.withRoles) {
    await unseatCast(db, 'beside_real_app');
    return db.transaction(async (repos) => {
      const seated: SeatedMember[] = [];
      for (const member of CAST) {
        await repos.people.upsert(member.openId, member.name);
        seated.push({ ...member, role: null, title: `${member.title}（与真实应用并行：只能提问）`, unitLabel: null });
      }
      return seated;
    });
  }
  return db.transaction(async (repos) => {
    const seated: SeatedMember[] = [];
    for (const member of CAST) {
      const person = await repos.people.upsert(member.openId, member.name);
      let unitLabel: string | null = null;
      let unitId: number | undefined;
      if (member.unit) {
        for (const jurisdiction of member.unit.jurisdictions) {
          const unit = await repos.units.findByName(jurisdiction, member.unit.name);
          if (unit) {
            unitId = unit.id;
            unitLabel = `${unit.jurisdiction} ${unit.name}`;
            break;
          }
        }
      }
      const held = (await repos.people.grantsOf(member.openId)).some((grant) => grant.role === member.role && (unitId === undefined || grant.unitId === unitId));
      const grantable = member.role !== null && (member.role !== 'liaison' || unitId !== undefined);
      if (grantable && !held) {
        const grant = await repos.people.grant({ personId: person.id, role: member.role!, unitId, state: 'active', grantedBy: 'console' });
        await repos.audit.record({ actor: 'console', action: 'grant.console', entityType: 'grant', entityId: grant.id, after: { openId: member.openId, role: member.role, unitId: unitId ?? null } });
      }
      seated.push({ ...member, unitLabel });
    }
    return seated;
  });
}
