/**
 * The stress set of the prose readers, made without new gold: each tuned
 * prose plan of the corpus (test/fixtures/real/, family prose-parens or
 * prose-labels) written again the other ways offices write the same plan —
 * other label words (主办/协办 for 牵头/配合, 部门 for 单位), labels in
 * 【】, colons and brackets full-width, items numbered 1、 / （1） / ①, blank
 * lines between paragraphs, paragraphs indented, label lines run onto the
 * item's line, label lines gathered into a bracket after the item and a
 * bracket of labels written out as lines, and 牵头/配合 labels said as verbs
 * (（X牵头，Y配合）). The tasks, units, roles, leaders and deadlines do not
 * change, so the gold is the document's own.
 */
import { corpusDocuments, type CorpusDocument } from './corpus-documents.js';

/** One way of writing a plan again. */
export interface ProseRewrite {
  name: string;
  rewrite(text: string): string;
}

const LABEL = '(?:牵头单位|责任单位|配合单位)';
const USES_PAREN_NUMBERS = /^\s*[（(]\d{1,2}[)）]/m;
const USES_CIRCLED_NUMBERS = /^\s*[①-⑳]/m;
const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `${n}.`);

/** Every rewrite, each of which keeps the gold. */
export const PROSE_REWRITES: readonly ProseRewrite[] = [
  { name: '主办/协办 labels', rewrite: (text) => text.replace(/牵头单位/g, '主办单位').replace(/配合单位/g, '协办单位') },
  { name: '部门 labels', rewrite: (text) => text.replace(/(牵头|责任|配合)单位/g, '$1部门') },
  { name: '【label】', rewrite: (text) => text.replace(/^(\s*)(牵头单位|责任单位|配合单位|责任领导|完成时限)[：:]/gm, '$1【$2】') },
  { name: 'full-width colons', rewrite: (text) => text.replace(/(单位|部门|领导|时限|时间):/g, '$1：') },
  { name: 'full-width brackets', rewrite: (text) => text.replace(/\(/g, '（').replace(/\)/g, '）') },
  { name: '1、 numbers', rewrite: (text) => text.replace(/^(\s*)(\d+)\.(?!\d)/gm, '$1$2、') },
  // (Only in a plan that does not number another level so already: its 1. and its (1) would be one level.)
  { name: '（1） numbers', rewrite: (text) => (USES_PAREN_NUMBERS.test(text) ? text : text.replace(/^(\s*)(\d{1,2})[.、．](?!\d)/gm, '$1（$2）')) },
  { name: '① numbers', rewrite: (text) => (USES_CIRCLED_NUMBERS.test(text) ? text : text.replace(/^(\s*)(\d{1,2})[.、．](?!\d)/gm, (_, space: string, n: string) => space + circled(Number(n)))) },
  { name: 'blank lines', rewrite: (text) => text.split('\n').join('\n\n') },
  { name: 'indented', rewrite: (text) => text.split('\n').map((line) => (line.trim() ? `　　${line}` : line)).join('\n') },
  { name: 'labels run on', rewrite: (text) => text.replace(/\n(\s*(?:牵头单位|责任单位|配合单位|责任领导|完成时限|牵头领导|分管领导)[：:])/g, ' $1') },
  {
    name: 'labels into a bracket',
    rewrite: (text) =>
      text.replace(new RegExp(`\\n(${LABEL}[：:][^\\n]*(?:\\n${LABEL}[：:][^\\n]*)*)`, 'g'), (_, labels: string) => `（${labels.split('\n').map((line) => line.trim().replace(/[；;。]$/, '')).join('；')}）`),
  },
  {
    name: 'a bracket into labels',
    rewrite: (text) => text.replace(new RegExp(`[（(](${LABEL}[：:][^（）()]*)[）)]`, 'g'), (_, inner: string) => `\n${inner.split(/[；;]/).map((line) => line.trim()).filter(Boolean).join('\n')}`),
  },
  { name: 'labels as verbs', rewrite: (text) => text.replace(/\n牵头单位[：:]([^\n]*?)[；;。]?\n(?:责任单位|配合单位)[：:]([^\n]*?)[；;。]?(?=\n|$)/g, '（$1牵头，$2配合）') },
];

/** Every tuned prose plan of the corpus. */
export function tunedProsePlans(): CorpusDocument[] {
  return corpusDocuments((gold) => gold.split === 'tune' && /^prose-/.test(gold.family));
}
