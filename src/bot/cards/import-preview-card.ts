/**
 * The import card: what importing a plan sent in chat would do, before
 * anything is stored — the plan's title, region and year as understood,
 * the counts (tasks as every count means them: a task broken into
 * sub-requirements counts as those), the first rows as they would be
 * stored (a sub-requirement with its task's units and deadline where it
 * names none, said so), the warnings, and,
 * for a re-import, what would change (removed tasks are archived, and how
 * many of them have progress). A form lets the administrator correct title,
 * region and year and choose whether it updates an existing plan before
 * pressing 导入. Pure.
 */
import { tasksPhrase, type PlanPreview } from '../../domain/imports/plan-importer.js';
import { button, buttonRow, card, escapeMarkdown, markdown, submitButton, type CardElement } from './card-parts.js';
import { fitList } from './card-fit.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** What the card is drawn from. */
export interface ImportPreviewView {
  jobId: number;
  fileName: string;
  preview: PlanPreview;
  /** Other plans the administrator may choose to update instead (newest first). */
  plans: readonly { id: number; title: string; jurisdiction: string }[];
}

/** The select's value for "import as a new plan". */
export const NEW_PLAN = 'new';
/** The select's value for updating a plan. */
export const planChoice = (planId: number) => `plan:${planId}`;

/** Warnings shown; the rest are counted. */
const WARNINGS_SHOWN = 5;
/** Other plans offered in the select. */
const PLANS_OFFERED = 10;

const short = (text: string, length: number) => (text.length <= length ? text : `${text.slice(0, length - 1)}…`);

function plainOption(label: string, value: string) {
  return { text: { tag: 'plain_text', content: short(label, 60) }, value };
}

function rowsMarkdown(preview: PlanPreview, shown: number): string {
  const lines = preview.rows.slice(0, shown).map((row) => {
    const parts = [
      `**${escapeMarkdown(row.number ?? row.key)}** ${escapeMarkdown(short(row.title, 40))}`,
      `牵头：${escapeMarkdown(row.lead.join('、') || '未写明')}${row.inherits.units && row.lead.length > 0 ? '（沿用所属任务）' : ''}`,
      ...(row.others.length ? [`其他：${escapeMarkdown(short(row.others.join('、'), 40))}`] : []),
      `时限：${escapeMarkdown(row.deadline || '未写明')}${row.inherits.deadline && row.deadline ? '（沿用所属任务）' : ''}`,
      ...(row.leaders ? [`分管领导：${escapeMarkdown(row.leaders)}`] : []),
      ...(row.brokenDown ? ['按细分要求计'] : []),
    ];
    return parts.join('｜');
  });
  return `**前 ${shown} 条（共 ${preview.report.counts.items} 条），导入后是这样**\n${lines.join('\n')}`;
}

function changesMarkdown(preview: PlanPreview): string {
  const { report, existing } = preview;
  if (!existing) return '这是**新方案**：导入后新建。';
  const { added, changed, removed, removedWithProgress, correctionsKept } = report.changes;
  const lines = [
    `这份文件与已有方案**《${escapeMarkdown(existing.title)}》**来源相同，导入将**更新**它：新增 ${added.length}，修改 ${changed.length}，移除 ${removed.length}。`,
  ];
  if (removed.length > 0) {
    lines.push(
      `移除的任务存档保留，不会删除${removedWithProgress.length ? `；<font color='red'>其中 ${removedWithProgress.length} 项已有进度记录</font>（${escapeMarkdown(removedWithProgress.slice(0, 10).join('、'))}${removedWithProgress.length > 10 ? ' 等' : ''}），进度和历史随任务一起存档` : ''}。`,
    );
  }
  if (correctionsKept.length > 0) lines.push(`导入后修改过的 ${correctionsKept.length} 项，原文没有改动这些内容，修改将保留。`);
  return lines.join('\n');
}

function warningsMarkdown(preview: PlanPreview): CardElement[] {
  const warnings = preview.report.warnings;
  if (warnings.length === 0) return [];
  const shown = warnings.slice(0, WARNINGS_SHOWN).map((warning) => `⚠ ${escapeMarkdown(short(warning.message, 80))}`);
  const more = warnings.length > WARNINGS_SHOWN ? `\n……共 ${warnings.length} 条提醒，导入报告会全部列出。` : '';
  return [markdown(`**提醒 ${warnings.length} 条**\n${shown.join('\n')}${more}`)];
}

function form(view: ImportPreviewView): CardElement {
  const { preview } = view;
  const { report } = preview;
  const others = view.plans.filter((plan) => plan.id !== preview.existing?.id).slice(0, PLANS_OFFERED);
  const options = [
    ...(preview.existing ? [plainOption(`更新已有方案《${preview.existing.title}》`, planChoice(preview.existing.id))] : []),
    plainOption('作为新方案导入', NEW_PLAN),
    ...others.map((plan) => plainOption(`更新已有方案《${plan.title}》（${plan.jurisdiction}）`, planChoice(plan.id))),
  ];
  return {
    tag: 'form',
    name: 'import_form',
    elements: [
      markdown('**导入前可以修改**（其余内容导入后可用 /修改 更正）'),
      { tag: 'input', name: 'title', label: { tag: 'plain_text', content: '方案名称' }, default_value: report.title, max_length: 100, required: true },
      { tag: 'input', name: 'region', label: { tag: 'plain_text', content: '地区' }, default_value: report.jurisdiction, max_length: 20, required: true },
      { tag: 'input', name: 'year', label: { tag: 'plain_text', content: '年份' }, placeholder: { tag: 'plain_text', content: '例如 2027；不确定可留空' }, ...(report.year ? { default_value: String(report.year) } : {}), max_length: 4 },
      {
        tag: 'select_static',
        name: 'target',
        placeholder: { tag: 'plain_text', content: '导入为' },
        initial_option: preview.existing ? planChoice(preview.existing.id) : NEW_PLAN,
        options,
        required: true,
      },
      submitButton('导入', 'submit_import', CARD_ACTIONS.import_confirm.value({ jobId: view.jobId })),
    ],
  };
}

/** Renders the import card, and its text for clients that cannot show it. */
export function renderImportPreviewCard(view: ImportPreviewView): { card: Record<string, unknown>; text: string } {
  const { preview } = view;
  const { report } = preview;
  const c = report.counts;
  const deadlines = Object.values(c.deadlines).reduce((sum, count) => sum + count, 0);
  const guessed = preview.titleRead ? '' : '（名称是推测的，请核对）';
  const facts = [
    `**方案**：《${escapeMarkdown(report.title)}》${guessed}`,
    `**地区**：${escapeMarkdown(report.jurisdiction)}　**年份**：${report.year ?? '未写明'}`,
    `${tasksPhrase(c)}，单位 ${c.unitsNamed} 个（其中新单位 ${c.unitsCreated} 个），时限 ${deadlines} 条${c.leaders ? `，分管领导 ${c.leaders} 人` : ''}`,
  ].join('\n');
  const danger = report.changes.removedWithProgress.length > 0;
  // The rows are the card's list: as many as fit (the import report lists every one).
  const render = (shown: number) =>
    card(`导入预览：${short(report.title, 40)}`, danger ? 'orange' : 'blue', [
      markdown(`收到 **${escapeMarkdown(view.fileName)}**，读出的内容如下，**还没有导入**。\n${facts}`),
      markdown(changesMarkdown(preview)),
      ...(shown > 0 ? [markdown(rowsMarkdown(preview, shown))] : []),
      ...warningsMarkdown(preview),
      form(view),
      ...buttonRow([button('不导入', CARD_ACTIONS.import_cancel.value({ jobId: view.jobId }))]),
    ]);
  const text = [
    `收到 ${view.fileName}，还没有导入：《${report.title}》（${report.jurisdiction}，${report.year ?? '年份未写明'}），${tasksPhrase(c)}，单位 ${c.unitsNamed} 个，时限 ${deadlines} 条。`,
    preview.existing ? `将更新已有方案《${preview.existing.title}》：新增 ${report.changes.added.length}，修改 ${report.changes.changed.length}，移除 ${report.changes.removed.length}（存档，其中 ${report.changes.removedWithProgress.length} 项有进度）。` : '将作为新方案导入。',
    '请在飞书客户端的卡片上确认“导入”或“不导入”。',
  ].join('\n');
  return { card: fitList(preview.rows.length, render), text };
}
