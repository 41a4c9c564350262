/**
 * "我们" said without a unit word after it: a liaison's own side. Beside a
 * bureau the question names ("我们审计", "财政这块我们") it says which of
 * that name's units is meant — the asker's; before 跟 / 和 ("我们跟民政局
 * 一起…") it is a unit of its own; alone ("下礼拜我们这块有啥到期的") it is
 * the asker's units. Said by someone bound to no unit, it is only a word.
 * Pure: the question's mentions in, the mentions it means out.
 */
import type { UnitMention } from './question.js';

/** A unit mention with where it was said. */
type Placed = UnitMention & { start: number; end: number };

/** We, said bare (我们局 is read as a self mention before this): 我们, 咱们, 咱, and 我们这块 / 我们这边. */
const PRONOUN = /(?:我们|咱们|咱)(?:这块儿?|这边|这儿|这里)?/g;
/** What may stand between a pronoun and the bureau it qualifies: a space, 这块, 这边. */
const BETWEEN = /^\s*(?:这块儿?|这边)?\s*$/;

/**
 * The mentions a question's bare pronouns mean, and where the pronouns that became no mention were said (to leave out
 * of the topic). `namesPlace` is asked only when a pronoun might stand alone, and `asker` for its units only when a
 * pronoun is said (reading them costs the service a statement, and most questions have no pronoun).
 */
export function withOwnPronouns(text: string, mentions: readonly Placed[], asker: { readonly unitIds: readonly number[] }, namesPlace: () => boolean): { mentions: Placed[]; said: [number, number][] } {
  let out = [...mentions];
  const said: [number, number][] = [];
  let known: readonly number[] | undefined;
  for (const match of text.matchAll(PRONOUN)) {
    const askerUnits = (known ??= asker.unitIds);
    const start = match.index!;
    const end = start + match[0].length;
    if (out.some((mention) => mention.start < end && mention.end > start)) continue;
    if (askerUnits.length === 0) {
      said.push([start, end]);
      continue;
    }
    const own = (mention: Placed) => mention.unitIds.filter((id) => askerUnits.includes(id));
    // Beside a bureau named by what the asker's units are ("我们审计", "财政这块我们"): the asker's of them.
    const beside = out.find((mention) => (BETWEEN.test(text.slice(mention.end, start)) || BETWEEN.test(text.slice(end, mention.start))) && own(mention).length > 0);
    if (beside) {
      out = out.map((mention) => (mention === beside ? { ...mention, unitIds: own(mention), self: true } : mention));
      said.push([start, end]);
      continue;
    }
    // With another unit ("我们跟民政局一起…"), or alone: the asker's units. Not "we" who look, chase or are helped
    // ("帮我们看看", "我们督查室要催办的"), nor beside a place the question is about ("我们看看中山过期的").
    const withOther = /^\s*(?:跟|和|与|同)/.test(text.slice(end));
    const looking = /[帮给让替叫]$/.test(text.slice(0, start)) || /^\s*(?:要|来|先|再)?(?:看|盯|催|查|督|问|统计|汇总)/.test(text.slice(end));
    if (withOther || (out.length === 0 && !looking && !namesPlace())) out.push({ text: match[0], unitIds: [...askerUnits], fuzzy: false, self: true, start, end });
    else said.push([start, end]);
  }
  return { mentions: out.sort((a, b) => a.start - b.start), said };
}
