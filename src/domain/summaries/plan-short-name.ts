/**
 * A plan's short name for a list line: "中山2016政务公开要点" for
 * 中山市贯彻落实省政府办公厅2016年政务公开工作要点分工方案. Five plans can each
 * have a 第5项, so a card that lists tasks of several plans says whose each
 * one is — in a few characters, not the title's forty. Pure.
 */

/** The longest short name; a longer one is cut with "…". */
export const PLAN_SHORT_CHARS = 14;

/** The document-type words a plan title ends with, said once in every plan: left out. */
const ENDINGS = /(?:的)?(?:分工方案|实施方案|工作方案|方案|任务分工|分工|及进度安排|进度安排|安排|的通知|通知)$/;
/** "贯彻落实省政府办公厅…", "关于印发…": what the plan answers to, not what it is. */
const PREAMBLE = /^(?:关于)?(?:印发)?(?:贯彻落实|贯彻|落实)?(?:省|市|区|县)?(?:政府|人民政府)?(?:办公厅|办公室)?(?:关于)?(?:印发)?/;

/** The place without its level word: 中山市 → 中山, 新会区 → 新会 (a two-character name stays whole). */
function placeShort(jurisdiction: string): string {
  const bare = jurisdiction.replace(/(?:自治州|地区|省|市|区|县|镇|街道)$/, '');
  return bare.length >= 2 ? bare : jurisdiction;
}

/** The short name of a plan: its place, its year when it has one, and what it is. */
export function planShortName(plan: { title: string; jurisdiction: string; year?: number | null }): string {
  let rest = plan.title.replace(/\s+/g, '');
  if (plan.jurisdiction) rest = rest.split(plan.jurisdiction).join('');
  const year = plan.year ?? Number(/((?:19|20)\d{2})\s*年?/.exec(rest)?.[1] ?? 0);
  rest = rest.replace(/(?:19|20)\d{2}\s*(?:年度|年)?/g, '');
  rest = rest.replace(PREAMBLE, '');
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(ENDINGS, '');
  }
  rest = rest.replace(/工作/g, '') || plan.title;
  const name = `${plan.jurisdiction ? placeShort(plan.jurisdiction) : ''}${year ? year : ''}${rest}`;
  const chars = Array.from(name);
  return chars.length <= PLAN_SHORT_CHARS ? name : `${chars.slice(0, PLAN_SHORT_CHARS - 1).join('')}…`;
}

/**
 * Short names for a set of plans, by id: each plan's short name, or, where
 * two plans would share one, their titles cut to the same length (never
 * two plans under one name).
 */
export function planShortNames(plans: readonly { id: number; title: string; jurisdiction: string; year?: number | null }[]): Map<number, string> {
  const names = new Map(plans.map((plan) => [plan.id, planShortName(plan)]));
  const seen = new Map<string, number>();
  for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const plan of plans) {
    if ((seen.get(names.get(plan.id)!) ?? 0) < 2) continue;
    const chars = Array.from(plan.title);
    names.set(plan.id, chars.length <= PLAN_SHORT_CHARS * 2 ? plan.title : `${chars.slice(0, PLAN_SHORT_CHARS * 2 - 1).join('')}…`);
  }
  return names;
}
