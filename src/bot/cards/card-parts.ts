/**
 * The pieces every card is built from (Card JSON 2.0): header, markdown,
 * buttons, button rows, and markdown escaping of user text. Pure.
 */

import { clipToFit } from './card-fit.js';
import type { ButtonValue } from '../card-actions.js';
import { DEMO_LABEL } from '../../domain/demo/demo-years.js';

/** A Card JSON 2.0 element. */
export type CardElement = Record<string, unknown>;

/** Makes user text safe inside card markdown (its markup characters become full-width, so no mention, link or styling can be injected). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[*_~`<>[\]#]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** The longest note, reason or evidence a card shows (the card's own note input takes 500). */
export const NOTE_CHARS = 500;
/** The longest note a list shows under each of its tasks (ten tasks, three reports each, stay under 30 KB). */
export const LIST_NOTE_CHARS = 120;

/**
 * A person's note cut to `max` characters with "…": progress notes, reasons
 * and evidence have no length of their own, and a card over 30 KB is not
 * sent at all. The whole note stays in the history and the text twin.
 */
export function clip(text: string, max = NOTE_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A markdown element; the caller escapes user text. */
export function markdown(content: string): CardElement {
  return { tag: 'markdown', content };
}

/** A button whose press calls back with `value`. */
export function button(label: string, value: ButtonValue, type: 'default' | 'primary' | 'danger' = 'default'): CardElement {
  return { tag: 'button', text: { tag: 'plain_text', content: label }, type, size: 'small', behaviors: [{ type: 'callback', value }] };
}

/** A form's submit button; the form's inputs come with `value` as form_value. */
export function submitButton(label: string, name: string, value: ButtonValue, type: 'primary' | 'danger' = 'primary'): CardElement {
  return { tag: 'button', name, text: { tag: 'plain_text', content: label }, type, form_action_type: 'submit', behaviors: [{ type: 'callback', value }] };
}

/** Buttons side by side. */
export function buttonRow(buttons: readonly CardElement[]): CardElement[] {
  if (buttons.length === 0) return [];
  return [{ tag: 'column_set', columns: buttons.map((element) => ({ tag: 'column', width: 'auto', elements: [element] })) }];
}

/** The longest header title or subtitle (a plan's name can run to a paragraph). */
export const HEADER_CHARS = 100;

/**
 * A whole card, shared by everyone who sees it (update_multi), so a
 * callback's update reaches every viewer. Held to Lark's size (card-fit.ts):
 * a text too long for the card is shortened with "…".
 */
export function card(title: string, template: string, elements: readonly CardElement[], subtitle?: string): CardElement {
  const heading = clip(title, HEADER_CHARS);
  return clipToFit({
    schema: '2.0',
    config: { update_multi: true, summary: { content: heading } },
    header: { title: { tag: 'plain_text', content: heading }, ...(subtitle ? { subtitle: { tag: 'plain_text', content: clip(subtitle, HEADER_CHARS) } } : {}), template },
    body: { elements },
  });
}

/** What a card showing demonstration tasks says, so nobody takes them for real work. */
export const DEMO_NOTE = `${DEMO_LABEL}：本地控制台用种子方案生成，日期已移到今年，不是真实的督办任务。`;

/** The grey line on every card that shows demonstration tasks (the local console's 演示数据); nothing when `demo` is false. */
export function demoNote(demo: boolean): CardElement[] {
  return demo ? [markdown(`<font color='grey'>🧪 ${DEMO_NOTE}</font>`)] : [];
}

/** A text progress bar: "▓▓▓▓▓▓░░░░ 60%". */
export function progressBar(percent: number): string {
  const filled = Math.round(Math.min(100, Math.max(0, percent)) / 10);
  return `${'▓'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent}%`;
}

/** A table column: its key in the rows, its header, and whether it holds numbers. */
export interface TableColumn {
  name: string;
  header: string;
  type: 'text' | 'number';
}

/**
 * A card table (ten rows a page, the first column frozen, grey bold
 * header): one look for every table the bot sends.
 */
export function table(columns: readonly TableColumn[], rows: readonly Record<string, string | number>[]): CardElement {
  return {
    tag: 'table',
    page_size: 10,
    row_height: 'low',
    freeze_first_column: true,
    header_style: { text_align: 'left', text_size: 'normal', background_style: 'grey', bold: true },
    columns: columns.map((column) => ({ name: column.name, display_name: column.header, data_type: column.type, width: 'auto' })),
    rows,
  };
}
