/**
 * A person named for their bureau ("陈志强他们局", "何军那边政务办") is
 * understood when answered, not when parsed: parsing is pure, and who is
 * whose liaison lives in the database. Each such mention gets the units the
 * people of that name are active liaisons of — only those among the units it
 * names, when it names some.
 */
import type { Repositories } from '../../repositories/index.js';
import type { Question, UnitMention } from './question.js';

/** The units these people are active liaisons of (also what "张三负责什么" falls back on, with the people it found). */
export async function liaisonUnitsOf(people: readonly { openId: string }[], repos: Repositories): Promise<Set<number>> {
  const units = new Set<number>();
  for (const person of people) {
    for (const grant of await repos.people.grantsOf(person.openId, 'active')) if (grant.role === 'liaison' && grant.unitId !== null) units.add(grant.unitId);
  }
  return units;
}

async function resolved(mentions: readonly UnitMention[], repos: Repositories): Promise<UnitMention[]> {
  return Promise.all(
    mentions.map(async (mention) => {
      if (!mention.person) return mention;
      const theirs = await liaisonUnitsOf(await repos.people.named(mention.person), repos);
      // Nobody of that name is a liaison (a place typed wrong, 江们那边): the units named stand as they are.
      if (theirs.size === 0 && mention.unitIds.length > 0) return mention;
      return { ...mention, unitIds: mention.unitIds.length > 0 ? mention.unitIds.filter((id) => theirs.has(id)) : [...theirs].sort((a, b) => a - b) };
    }),
  );
}

/** The question with every person named for their bureau turned into that bureau's units. */
export async function withPersonUnits<Q extends Question>(question: Q, repos: Repositories): Promise<Q> {
  const mentions = (units: readonly UnitMention[] | undefined) => units?.some((mention) => mention.person) ?? false;
  if (question.kind === 'tasks' && mentions(question.units)) return { ...question, units: await resolved(question.units, repos) };
  if (question.kind === 'stats' && mentions(question.filter.units)) return { ...question, filter: { ...question.filter, units: await resolved(question.filter.units, repos) } };
  if (question.kind === 'updates' && (mentions(question.reporters) || mentions(question.scope?.units))) {
    return {
      ...question,
      reporters: await resolved(question.reporters, repos),
      scope: question.scope ? { ...question.scope, units: await resolved(question.scope.units, repos) } : null,
    };
  }
  return question;
}
