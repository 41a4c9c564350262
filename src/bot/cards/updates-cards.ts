/**
 * Cards (and their text twins) for the updates-and-people answers: the
 * tasks reported on with what was reported, the units that reported, the
 * day a unit last reported, the units that did not, a leader's tasks, and
 * what a 催办 would list.
 * Every task shows its #id beside its number in the plan, so /进度 #id can
 * follow. Pure functions of the answer.
 */
import type { ReportLine, UpdatesAnswer, UpdatesTask } from '../../domain/questions/updates-answers.js';
import { monthDayText } from '../../lib/dates.js';
import { button, card, clip, DEMO_NOTE, demoNote, escapeMarkdown, LIST_NOTE_CHARS, markdown, type CardElement } from './card-parts.js';
import { fitList } from './card-fit.js';
import { percentText } from './stats-cards.js';
import { CHASE_CARD_LINES, chaseLineMarkdown, chaseLineText, hasDemoLines } from './chase-cards.js';
import { LIGHT, LIGHT_WORD } from './item-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** Tasks a card lists before saying how many more. */
export const UPDATES_CARD_TASKS = 10;
/** Reports shown under one task. */
const REPORTS_PER_TASK = 3;
/** Units a card lists. */
const UNITS_SHOWN = 30;

/** The line closing a list of units cut short ("还有 N 个单位没有列出。"), or none. */
function unitsLeft(count: number): string[] {
  return count > 0 ? [`还有 ${count} 个单位没有列出。`] : [];
}

function reportText(report: ReportLine, shorten: (text: string) => string = (text) => text): string {
  const who = report.unit ? report.unit.name : '督查室';
  return `${monthDayText(report.day)} ${who}：${report.statusLabel} ${report.percent}%${report.note ? `，${shorten(report.note)}` : ''}`;
}

function taskMarkdown(item: UpdatesTask, latestOnly: boolean): string {
  const reports = item.reports.slice(0, REPORTS_PER_TASK).map((report) => `${latestOnly ? '最新进展：' : '· '}${escapeMarkdown(reportText(report, (note) => clip(note, LIST_NOTE_CHARS)))}`);
  const more = item.reports.length > REPORTS_PER_TASK ? [`<font color='grey'>另有 ${item.reports.length - REPORTS_PER_TASK} 条报告，点“详情”查看</font>`] : [];
  const facts = [item.units ? escapeMarkdown(item.units) : '单位：未写明', ...(item.leaders ? [`分管领导：${escapeMarkdown(item.leaders)}`] : []), `时限：${escapeMarkdown(item.deadline ?? '未写明')}`, `${item.statusLabel} ${item.percent}%`];
  return [`${LIGHT[item.light]} **${item.label}** #${item.taskId} ${escapeMarkdown(item.title)}`, facts.join('｜'), ...reports, ...more].join('\n');
}

function taskText(item: UpdatesTask, position: number, latestOnly: boolean): string {
  return [
    `${position}. [${LIGHT_WORD[item.light]}] ${item.label}（#${item.taskId}）${item.title}`,
    `   ${item.units || '单位：未写明'}；${item.leaders ? `分管领导：${item.leaders}；` : ''}时限：${item.deadline ?? '未写明'}；${item.statusLabel} ${item.percent}%`,
    ...item.reports.slice(0, REPORTS_PER_TASK).map((report) => `   ${latestOnly ? '最新进展：' : '· '}${reportText(report)}`),
  ].join('\n');
}

/** A list of tasks grouped by plan, at most UPDATES_CARD_TASKS (fewer when they do not fit), with a line on the rest. */
function taskList(title: string, understanding: string, items: readonly UpdatesTask[], total: number, latestOnly: boolean): { card: CardElement; text: string } {
  const listed = items.slice(0, UPDATES_CARD_TASKS);
  const demo = listed.some((item) => item.demo === true);
  const lines = [title, ...(demo ? [DEMO_NOTE] : []), `我的理解：${understanding}`];
  let plan: number | null = null;
  listed.forEach((item, index) => {
    if (item.planId !== plan) {
      plan = item.planId;
      lines.push(`《${item.planTitle}》`);
    }
    lines.push(taskText(item, index + 1, latestOnly));
  });
  const narrow = '可以加上单位或地区缩小范围，例如“市财政局本周报了什么”“江门这周有什么进展”。';
  if (total > listed.length) lines.push(`还有 ${total - listed.length} 项没有列出：${narrow}`);
  const orange = listed.some((item) => item.light === 'red');
  const render = (count: number) => {
    const shown = listed.slice(0, count);
    const elements: CardElement[] = [...demoNote(demo), markdown(`<font color='grey'>我的理解：${escapeMarkdown(understanding)}</font>`)];
    let heading: number | null = null;
    for (const item of shown) {
      if (item.planId !== heading) {
        heading = item.planId;
        elements.push(markdown(`**《${escapeMarkdown(item.planTitle)}》**`));
      }
      elements.push(markdown(taskMarkdown(item, latestOnly)));
      elements.push(button('详情', CARD_ACTIONS.task_detail.value({ taskId: item.taskId })));
    }
    const cut = listed.slice(count).map((item) => `#${item.taskId}`);
    if (total > shown.length) {
      const rest = `还有 ${total - shown.length} 项没有列出${cut.length > 0 ? `（其中 ${cut.join('、')} 放不下，发送“/任务 #编号”查看）` : ''}：${narrow}`;
      elements.push(markdown(`<font color='grey'>${rest}</font>`));
    }
    return card(title, orange ? 'orange' : 'blue', elements);
  };
  return { card: fitList(listed.length, render), text: lines.join('\n') };
}

function chasePreview(answer: Extract<UpdatesAnswer, { view: 'chase_preview' }>): { card: CardElement; text: string } {
  const demo = hasDemoLines(answer.chases);
  const lines = ['催办预览', ...(demo ? [DEMO_NOTE] : []), `我的理解：${answer.understanding}`];
  const head = (chase: (typeof answer.chases)[number]) => `${chase.name}（${chase.jurisdiction}）：${chase.lines.length === 0 ? '没有逾期或停滞的任务' : `${chase.lines.length} 项逾期或停滞`}，联络员 ${chase.liaisons} 人`;
  for (const chase of answer.chases) lines.push(head(chase), ...chase.lines.slice(0, CHASE_CARD_LINES).map((line) => `  ${chaseLineText(line)}`));
  const note = '催办卡片由督查人员或管理员在聊天中发送“催一下 单位名称”发给该单位的联络员，每个单位每天一次。';
  lines.push(note);
  const render = (shown: number) => {
    const elements: CardElement[] = [...demoNote(demo), markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`)];
    for (const chase of answer.chases.slice(0, shown)) {
      const listed = chase.lines.slice(0, CHASE_CARD_LINES);
      elements.push(markdown([`**${escapeMarkdown(head(chase))}**`, ...listed.map((line) => chaseLineMarkdown(line))].join('\n')));
    }
    const rest = answer.chases.length - shown;
    if (rest > 0) elements.push(markdown(`<font color='grey'>还有 ${rest} 个单位放不下：${answer.chases.slice(shown).map((chase) => escapeMarkdown(clip(chase.name, 20))).join('、')}；可以分几次问，每次少写几个单位。</font>`));
    elements.push(markdown(`<font color='grey'>${note}</font>`));
    return card('催办预览', 'blue', elements);
  };
  return { card: fitList(answer.chases.length, render), text: lines.join('\n') };
}

/** Renders an updates answer as a card and its text twin. */
export function renderUpdates(answer: UpdatesAnswer): { card: CardElement; text: string } {
  switch (answer.view) {
    case 'tasks': {
      const done = answer.understanding.includes('只看办结');
      const asked = answer.understanding.includes('只看申请办结');
      const title = answer.reports !== undefined ? `报告了 ${answer.reports} 次进度，涉及 ${answer.total} 项任务` : done ? `办结了 ${answer.total} 项任务` : asked ? `${answer.total} 项任务申请办结` : `${answer.total} 项任务有进度报告`;
      return taskList(title, answer.understanding, answer.items, answer.total, false);
    }
    case 'leader':
      return taskList(`${answer.name}分管 ${answer.total} 项任务`, answer.understanding, answer.items, answer.total, true);
    case 'units': {
      const title = answer.ranking ? `报告进度次数排名（${answer.count} 个单位报告过）` : `${answer.count} 个单位报告了进度`;
      const shown = answer.units.slice(0, UNITS_SHOWN);
      const place = (unit: (typeof shown)[number]) => (answer.ranking ? `第 ${1 + answer.units.findIndex((other) => other.reports === unit.reports)} 名 ` : '');
      const facts = (unit: (typeof shown)[number]) => `${place(unit)}${unit.reports} 次报告，涉及 ${unit.tasks} 项任务，最近一次 ${monthDayText(unit.lastDay)}`;
      const more = answer.units.length > shown.length ? [`还有 ${answer.units.length - shown.length} 个单位没有列出。`] : [];
      const render = (count: number) =>
        card(title, 'blue', [
          markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`),
          markdown([...shown.slice(0, count).map((unit) => `**${escapeMarkdown(unit.name)}**（${escapeMarkdown(unit.jurisdiction)}）：${facts(unit)}`), ...unitsLeft(answer.units.length - count)].join('\n')),
        ]);
      const rows = shown.map((unit) => `${unit.name}（${unit.jurisdiction}）：${facts(unit)}`);
      return { card: fitList(shown.length, render), text: [title, `我的理解：${answer.understanding}`, ...rows, ...more].join('\n') };
    }
    case 'silent': {
      const title = `${answer.count} 个单位没有报告过进度`;
      const shown = answer.units.slice(0, UNITS_SHOWN);
      const more = answer.units.length > shown.length ? [`还有 ${answer.units.length - shown.length} 个单位没有列出。`] : [];
      const render = (count: number) =>
        card(title, 'orange', [
          markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`),
          markdown([...shown.slice(0, count).map((unit) => `**${escapeMarkdown(unit.name)}**（${escapeMarkdown(unit.jurisdiction)}）：涉及 ${unit.tasks} 项任务`), ...unitsLeft(answer.units.length - count)].join('\n')),
          markdown(`<font color='grey'>可以发送“催一下 单位名称”请该单位的联络员报进度。</font>`),
        ]);
      const rows = shown.map((unit) => `${unit.name}（${unit.jurisdiction}）：涉及 ${unit.tasks} 项任务`);
      return { card: fitList(shown.length, render), text: [title, `我的理解：${answer.understanding}`, ...rows, ...more].join('\n') };
    }
    case 'difference': {
      const unit = { tasks: '项任务', units: '家单位', reports: '条报告' }[answer.of];
      const gap = answer.ours - answer.theirs;
      const title = gap === 0 ? `和${answer.otherLabel}一样多（各 ${answer.ours} ${unit}）` : `比${answer.otherLabel}${gap < 0 ? '少' : '多'} ${answer.count} ${unit}`;
      const body = `${answer.label}：${answer.ours} ${unit}；${answer.otherLabel}：${answer.theirs} ${unit}。`;
      return { card: card(title, 'blue', [markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`), markdown(escapeMarkdown(body))]), text: [title, `我的理解：${answer.understanding}`, body].join('\n') };
    }
    case 'share': {
      const title = `占比 ${percentText(answer.figure)}（${answer.count} / ${answer.whole} 项）`;
      const body = `这段时间有 ${answer.whole} 项任务报告过进度，其中所问的有 ${answer.count} 项。`;
      return { card: card(title, 'blue', [markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`), markdown(body)]), text: [title, `我的理解：${answer.understanding}`, body].join('\n') };
    }
    case 'last_report': {
      const first = answer.reporters[0]!;
      const ago = first.daysAgo === 0 ? '今天' : `${first.daysAgo} 天前`;
      const title = `${first.name}上次报告：${monthDayText(first.day)}（${ago}）`;
      const place = (entry: (typeof answer.reporters)[number]) => (entry.jurisdiction ? `（${entry.jurisdiction}）` : '');
      const report = (entry: (typeof answer.reporters)[number], shorten: (text: string) => string = (text) => text) => `：${entry.statusLabel} ${entry.percent}%${entry.note ? `，${shorten(entry.note)}` : ''}`;
      const render = (count: number) =>
        card(title, 'blue', [
          markdown(`<font color='grey'>我的理解：${escapeMarkdown(answer.understanding)}</font>`),
          ...answer.reporters.slice(0, count).map((entry) =>
            markdown(`**${escapeMarkdown(entry.name)}**${escapeMarkdown(place(entry))}：${entry.day}，${entry.label} #${entry.taskId} ${escapeMarkdown(entry.title)}${escapeMarkdown(report(entry, (note) => clip(note, LIST_NOTE_CHARS)))}`),
          ),
          ...(answer.reporters.length > count
            ? [markdown(`<font color='grey'>还有 ${answer.reporters.length - count} 条放不下：${answer.reporters.slice(count).map((entry) => `#${entry.taskId}`).join('、')}，发送“/任务 #编号”查看。</font>`)]
            : []),
          ...answer.reporters.slice(0, Math.min(5, count)).map((entry) => button(`查看 #${entry.taskId}`, CARD_ACTIONS.task_detail.value({ taskId: entry.taskId }))),
        ]);
      const rows = answer.reporters.map((entry) => `${entry.name}${place(entry)}：${entry.day}，${entry.label}（#${entry.taskId}）${entry.title}${report(entry)}`);
      return { card: fitList(answer.reporters.length, render), text: [title, `我的理解：${answer.understanding}`, ...rows].join('\n') };
    }
    case 'chase_preview':
      return chasePreview(answer);
  }
}
