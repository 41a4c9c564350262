/**
 * The cards of a 催办 on request: the one a unit's liaison gets (its
 * overdue and stalled tasks, each with the #id /进度 takes), and the answer
 * to the supervisor who asked (who was chased, or why not). Pure.
 */
import type { ChaseLine, ChaseUnitView } from '../../domain/questions/updates-answers.js';
import { monthDayText } from '../../lib/dates.js';
import { card, clip, DEMO_NOTE, demoNote, escapeMarkdown, markdown, type CardElement } from './card-parts.js';
import { fitList } from './card-fit.js';

/** Tasks a 催办 card lists before saying how many more. */
export const CHASE_CARD_LINES = 15;

const short = (title: string) => (title.length > 36 ? `${title.slice(0, 36)}…` : title);

function why(line: ChaseLine): string {
  return line.reason === 'overdue' ? `已逾期 ${line.days} 天（时限 ${monthDayText(line.dueOn!)}）` : `${line.days} 天没有报告进展`;
}

/** "#12 第8项 推动PPP项目信息公开：已逾期 23 天（时限 10月31日）", as text. */
export function chaseLineText(line: ChaseLine): string {
  return `#${line.taskId} ${line.label} ${short(line.title)}：${why(line)}`;
}

/** The same line in card markdown (the title escaped, the #id kept). */
export function chaseLineMarkdown(line: ChaseLine): string {
  return `#${line.taskId} ${escapeMarkdown(line.label)} ${escapeMarkdown(short(line.title))}：${why(line)}`;
}

/** Whether any unit's lines are demonstration tasks (the console's 演示数据). */
export function hasDemoLines(chases: readonly ChaseUnitView[]): boolean {
  return chases.some((chase) => chase.lines.some((line) => line.demo === true));
}

function counts(chase: ChaseUnitView): string {
  const overdue = chase.lines.filter((line) => line.reason === 'overdue').length;
  const stalled = chase.lines.length - overdue;
  return [overdue > 0 ? `${overdue} 项逾期` : '', stalled > 0 ? `${stalled} 项停滞` : ''].filter(Boolean).join('、');
}

/** The 催办 card one liaison of the unit gets: the first lines that fit, and how many more (/我的 lists them all). */
export function renderChaseCard(chase: ChaseUnitView): { card: CardElement; text: string } {
  const title = '催办：请尽快报告任务进展';
  const listed = chase.lines.slice(0, CHASE_CARD_LINES);
  const intro = `督查室请${chase.name}（${chase.jurisdiction}）尽快报告以下 ${chase.lines.length} 项任务（${counts(chase)}）的进展：`;
  const usage = '报告进度：发送“/进度 任务编号 百分比 说明”，例如“/进度 #12 60% 已完成初稿”；已完成的请发送“/完成 任务编号 说明”申请办结。';
  const tail = (shown: number) => (chase.lines.length > shown ? [`还有 ${chase.lines.length - shown} 项，发送 /我的 查看全部。`] : []);
  const demo = hasDemoLines([chase]);
  const render = (shown: number) => card(title, 'red', [...demoNote(demo), markdown([escapeMarkdown(intro), ...listed.slice(0, shown).map(chaseLineMarkdown), ...tail(shown)].join('\n')), markdown(escapeMarkdown(usage))]);
  return { card: fitList(listed.length, render), text: [title, ...(demo ? [DEMO_NOTE] : []), intro, ...listed.map(chaseLineText), ...tail(listed.length), usage].join('\n') };
}

function outcomeText(chase: ChaseUnitView): string {
  const unit = `${chase.name}（${chase.jurisdiction}）`;
  switch (chase.outcome) {
    case 'sent':
      return `已向${unit}的 ${chase.liaisons} 位联络员发送催办，列出 ${counts(chase)}：`;
    case 'already_today':
      return `${unit}今天已经催办过（每个单位每天最多催办一次），这次没有再发。它的 ${counts(chase)}：`;
    case 'no_liaison':
      return `${unit}还没有联络员，催办没有发出。请该单位的联络员发送“/绑定 ${chase.name}”申请绑定。它的 ${counts(chase)}：`;
    case 'nothing_due':
      return `${unit}没有逾期或停滞的任务，不需要催办。`;
    case 'preview':
      return `${unit}：${chase.lines.length === 0 ? '没有逾期或停滞的任务' : counts(chase)}`;
  }
}

/** The answer to the supervisor who asked for the 催办: each unit's outcome and lines, as many units as fit. */
export function renderChaseReply(chases: readonly ChaseUnitView[]): { card: CardElement; text: string } {
  const sent = chases.filter((chase) => chase.outcome === 'sent').length;
  const title = sent > 0 ? `已催办 ${sent} 个单位` : '没有发出催办';
  const demo = hasDemoLines(chases);
  const lines = [title, ...(demo ? [DEMO_NOTE] : [])];
  const block = (chase: ChaseUnitView) => {
    const shown = chase.lines.slice(0, CHASE_CARD_LINES);
    const more = chase.lines.length > shown.length ? [`还有 ${chase.lines.length - shown.length} 项`] : [];
    return { shown, more };
  };
  for (const chase of chases) {
    const { shown, more } = block(chase);
    lines.push(outcomeText(chase), ...shown.map((line) => `  ${chaseLineText(line)}`), ...more);
  }
  const render = (count: number) => {
    const elements: CardElement[] = [
      ...demoNote(demo),
      ...chases.slice(0, count).map((chase) => {
        const { shown, more } = block(chase);
        return markdown([`**${escapeMarkdown(outcomeText(chase))}**`, ...shown.map(chaseLineMarkdown), ...more].join('\n'));
      }),
    ];
    const rest = chases.slice(count);
    if (rest.length > 0) elements.push(markdown(`还有 ${rest.length} 个单位放不下：${rest.map((chase) => `${escapeMarkdown(clip(chase.name, 20))}（${OUTCOME_WORD[chase.outcome]}）`).join('、')}。`));
    return card(title, sent > 0 ? 'green' : 'grey', elements);
  };
  return { card: fitList(chases.length, render), text: lines.join('\n') };
}

/** A unit's outcome in two words, for the units a reply card cannot list in full. */
const OUTCOME_WORD: Record<ChaseUnitView['outcome'], string> = { sent: '已催办', already_today: '今天已催办过', no_liaison: '没有联络员', nothing_due: '不需要催办', preview: '预览' };
