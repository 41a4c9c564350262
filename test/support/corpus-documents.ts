/**
 * The real corpus (test/fixtures/real/) read once the same way by every
 * test that rebuilds or rewrites its documents: each document's slug, its
 * verbatim text and its hand-written gold, in slug order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gold } from './import-scoring.js';

const dir = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

/** One corpus document. */
export interface CorpusDocument {
  slug: string;
  text: string;
  gold: Gold;
}

/** Every corpus document whose gold passes the filter (for instance tuned table documents), in slug order. */
export function corpusDocuments(keep: (gold: Gold, slug: string) => boolean = () => true): CorpusDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const slug = file.replace(/\.json$/, '');
      const gold = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Gold;
      return keep(gold, slug) ? [{ slug, gold, text: readFileSync(`${dir}${slug}.txt`, 'utf8') }] : [];
    });
}
