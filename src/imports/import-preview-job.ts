/**
 * The preview stage of an import job sent in chat: the downloaded file is
 * read and compared with what is stored, nothing is written but the job's
 * state, and the administrator gets the import card (or, for a file that
 * cannot be imported, why). Also reads back the choices made on the card
 * for the import stage.
 */
import { z } from 'zod';
import { renderSynonymImportCard } from '../bot/cards/import-state-cards.js';
import { renderImportPreviewCard } from '../bot/cards/import-preview-card.js';
import { enqueueOutgoing, type Outgoing } from '../bot/outgoing.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { PlanOverrides } from '../domain/imports/plan-importer.js';
import type { ImportJobRecord } from '../repositories/import-job-repository.js';
import { previewDocumentBytes } from './import-files.js';

/** The choices stored on a confirmed job. */
export const ImportChoices = z.object({
  title: z.string().min(1).max(100).optional(),
  jurisdiction: z.string().min(1).max(20).optional(),
  year: z.number().int().min(1990).max(2100).nullable().optional(),
  target: z.union([z.literal('new'), z.number().int().positive()]).optional(),
});

/** The overrides a confirmed job imports with; none for a job confirmed on an older card, or damaged choices. */
export function overridesOf(job: Pick<ImportJobRecord, 'options'>): PlanOverrides | undefined {
  if (!job.options) return undefined;
  try {
    const parsed = ImportChoices.safeParse(JSON.parse(job.options));
    if (!parsed.success) return undefined;
    const { title, jurisdiction, year, target } = parsed.data;
    return { ...(title !== undefined ? { title } : {}), ...(jurisdiction !== undefined ? { jurisdiction } : {}), ...(year !== undefined ? { year } : {}), ...(target !== undefined ? { target } : {}) };
  } catch {
    return undefined;
  }
}

/** Reads the file, and — with the job's state and its audit record, in one transaction — answers with the import card or the reason it cannot be imported. */
export async function previewImportJob(db: Database, job: ImportJobRecord, bytes: Buffer, logger?: Logger): Promise<void> {
  const result = await previewDocumentBytes(db, job.fileName, bytes, job.requestedBy);
  // An internal failure's text goes to the log, never to the chat.
  if ('error' in result && result.detail) logger?.error({ jobId: job.id, fileName: job.fileName, detail: result.detail }, 'previewing a plan failed');
  let outgoing: Outgoing;
  let state: 'previewed' | 'failed' = 'previewed';
  let error: string | null = null;
  if ('error' in result) {
    state = 'failed';
    error = result.error;
    outgoing = { kind: 'reply', messageId: job.messageId, chatId: job.chatId, msgType: 'text', text: `无法导入：${result.error}` };
  } else if ('synonyms' in result) {
    // A unit synonym table has nothing to preview: the card only asks.
    const text = `收到单位同义词表 ${job.fileName}（${result.synonyms.groups} 组${result.synonyms.errors.length ? `，${result.synonyms.errors.length} 行无法理解` : ''}）。导入后，表里写明的别名都指向同一单位。`;
    outgoing = { kind: 'reply', messageId: job.messageId, chatId: job.chatId, msgType: 'interactive', card: renderSynonymImportCard(job.id, text), fallbackText: `${text}\n请在飞书客户端的卡片上确认是否导入。` };
  } else {
    const plans = (await db.repos.plans.list()).reverse().map((plan) => ({ id: plan.id, title: plan.title, jurisdiction: plan.jurisdiction }));
    const rendered = renderImportPreviewCard({ jobId: job.id, fileName: job.fileName, preview: result.preview, plans });
    outgoing = { kind: 'reply', messageId: job.messageId, chatId: job.chatId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text };
  }
  await db.transaction(async (repos) => {
    await repos.importJobs.settle(job.id, state, error);
    const summary = 'preview' in result ? { title: result.preview.report.title, tasks: result.preview.report.counts.tasks, existingPlanId: result.preview.existing?.id ?? null, removed: result.preview.report.changes.removed.length } : null;
    await repos.audit.record({ actor: job.requestedBy, action: state === 'previewed' ? 'import_job.previewed' : 'import_job.failed', entityType: 'import_job', entityId: job.id, after: { fileName: job.fileName, preview: summary, error } });
    await enqueueOutgoing(repos, `import-preview-${job.id}`, [outgoing]);
  });
}
