/**
 * One figure of a benchmark beside its baseline from the same run. Each
 * benchmark prints its own table; when BENCH_SUMMARY names a file (as
 * `npm run bench` does) it also appends its figures there, one JSON line
 * each, for the summary table across every benchmark.
 */
import { appendFileSync } from 'node:fs';

/** A measured figure and what it is compared with. */
export interface Figure {
  bench: string;
  figure: string;
  ours: number;
  baseline: number;
  baselineLabel: string;
  unit: string;
  /** Which way is better: a lower time, or a higher rate. */
  better: 'lower' | 'higher';
}

/** Appends a figure to the summary file, if one is being collected. */
export function reportFigure(figure: Figure): void {
  const file = process.env.BENCH_SUMMARY;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
