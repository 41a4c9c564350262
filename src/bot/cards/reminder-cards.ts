/**
 * The one-to-one reminder cards: a deadline coming, a task gone quiet (and
 * the supervisors' copy), the day's overdue digest. Each lists the tasks
 * with their ids for /进度, and — for liaisons — a button to pause these
 * reminders for a week. Pure.
 */
import { monthDayText } from '../../lib/dates.js';
import { button, buttonRow, card, DEMO_NOTE, demoNote, escapeMarkdown, markdown, type CardElement } from './card-parts.js';
import { WEEKENDS_ONLY_MARK } from './holiday-notice-card.js';
import { fitList } from './card-fit.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** A task as a reminder lists it. */
export interface ReminderLine {
  taskId: number;
  label: string;
  title: string;
  /** Units in charge, by name. */
  units: string[];
  days: number;
  dueOn: string | null;
  /** The task is demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
}

/** What a reminder card says. */
export interface ReminderView {
  kind: 'deadline' | 'chase' | 'chase_copy' | 'overdue';
  level?: 1 | 2;
  lines: ReminderLine[];
  /** Today was judged a working day by weekends alone (no holiday schedule for this year): marked 暂按周末计算. */
  weekendsOnly?: boolean;
}

/** Tasks listed before "还有 N 项". */
export const REMINDER_LINES = 15;

const short = (title: string) => escapeMarkdown(title.length > 36 ? `${title.slice(0, 36)}…` : title);

function lineOf(view: ReminderView, line: ReminderLine): string {
  const head = `#${line.taskId} ${line.label} ${short(line.title)}`;
  switch (view.kind) {
    case 'deadline':
      return `${head}：${line.days === 0 ? '今天到期' : `还有 ${line.days} 天到期`}（${monthDayText(line.dueOn!)}）`;
    case 'overdue':
      return `${head}：已逾期 ${line.days} 天（时限 ${monthDayText(line.dueOn!)}）`;
    case 'chase':
      return `${head}：${line.days} 天没有报告进展`;
    case 'chase_copy':
      return `${head}（${escapeMarkdown(line.units.join('、') || '单位未写明')}）：${line.days} 天没有报告进展`;
  }
}

const TITLES: Record<ReminderView['kind'], [string, string]> = {
  deadline: ['任务即将到期', 'orange'],
  chase: ['请更新任务进展', 'yellow'],
  chase_copy: ['抄送：任务长期没有进展', 'grey'],
  overdue: ['逾期任务提醒', 'red'],
};

function intro(view: ReminderView): string {
  const count = view.lines.length;
  switch (view.kind) {
    case 'deadline':
      return `你联络的单位有 ${count} 项任务临近时限，请按期完成并报告进度。`;
    case 'overdue':
      return `你联络的单位有 ${count} 项任务已过时限还未办结。请尽快报告进展；已完成的请发送 /完成 任务编号 说明 申请办结。`;
    case 'chase':
      return view.level === 2
        ? `以下 ${count} 项任务已三周没有报告进展，督查人员已收到抄送。请尽快报告。`
        : `以下 ${count} 项任务已两周没有报告进展，请报告最新情况。`;
    case 'chase_copy':
      return `以下 ${count} 项任务已三周没有报告进展，已提醒牵头单位的联络员。`;
  }
}

/** A reminder card and its text twin: the first lines that fit (REMINDER_LINES at most), and how many more. */
export function renderReminder(view: ReminderView): { card: CardElement; text: string } {
  const [title, template] = TITLES[view.kind];
  const listed = view.lines.slice(0, REMINDER_LINES).map((line) => lineOf(view, line));
  const usage = view.kind === 'chase_copy' ? '' : '\n报告进度：发送“/进度 任务编号 百分比 说明”，例如“/进度 #12 60% 已完成初稿”。';
  const body = (shown: number) => {
    const more = view.lines.length - shown;
    return `${intro(view)}\n${listed.slice(0, shown).join('\n')}${more > 0 ? `\n还有 ${more} 项，发送 /我的 查看全部。` : ''}${usage}`;
  };
  const mark = view.weekendsOnly ? WEEKENDS_ONLY_MARK : undefined;
  const demo = view.lines.some((line) => line.demo === true);
  const render = (shown: number) => {
    const elements: CardElement[] = [...demoNote(demo), markdown(body(shown))];
    if (view.kind !== 'chase_copy') {
      elements.push(...buttonRow([button('一周内不再提醒', CARD_ACTIONS.reminder_snooze.value({ taskIds: view.lines.map((line) => line.taskId) }))]));
    }
    return card(title, template, elements, mark);
  };
  return { card: fitList(listed.length, render), text: `${title}${mark ? `（${mark}）` : ''}\n${demo ? `${DEMO_NOTE}\n` : ''}${body(listed.length).replace(/\*\*/g, '')}` };
}
