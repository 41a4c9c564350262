/**
 * The weekly card as it stands right now, for /summary and the
 * subscription card's preview button: this week so far, marked as a
 * preview and not counted as the week's card.
 */
import type { Catalog } from '../domain/questions/question-catalog.js';
import { weekOf } from '../domain/summaries/weekly-schedule.js';
import { weeklySummary, type SummaryScope } from '../domain/summaries/weekly-summary.js';
import { dayIn } from '../lib/dates.js';
import type { Repositories } from '../repositories/index.js';
import { renderWeeklyCard } from './cards/weekly-card.js';
import type { Content } from './outgoing.js';

/** The weekly card of a scope at `now`: marked as a preview unless `preview` is false (the local console's "run it now"). */
export async function weeklyPreview(input: { catalog: Catalog; repos: Repositories; scope: SummaryScope; timeZone: string; now: Date; preview?: boolean }): Promise<Extract<Content, { msgType: 'interactive' }>> {
  const today = dayIn(input.timeZone, input.now);
  const summary = await weeklySummary({ catalog: input.catalog, repos: input.repos, scope: input.scope, week: weekOf(today, input.timeZone), today, now: input.now, timeZone: input.timeZone });
  const rendered = renderWeeklyCard(summary, { scope: input.scope, preview: input.preview ?? true });
  return { msgType: 'interactive', card: rendered.card, fallbackText: rendered.text };
}
