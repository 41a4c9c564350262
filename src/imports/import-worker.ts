/**
 * Runs the import jobs queued from chat: downloads the file from Lark; at
 * the preview stage reads it and answers with the import card
 * (import-preview-job.ts), at the import stage imports it with the choices
 * made on the card (its own transaction; a re-run is harmless, imports are
 * idempotent), then — in one transaction — settles the job, records the
 * audit entry and queues the report to the chat. A download that fails is
 * tried again (3 attempts); a document that cannot be read is reported at
 * once. A job whose worker died is taken again when its lease runs out.
 */
import type { Database } from '../db/database.js';
import { enqueueOutgoing } from '../bot/outgoing.js';
import type { LarkApi } from '../lark/lark-api.js';
import { PollingWorker } from '../lib/polling-loop.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import type { ImportJobRecord } from '../repositories/import-job-repository.js';
import { formatImportResults, importDocumentBytes } from './import-files.js';
import { overridesOf, previewImportJob } from './import-preview-job.js';

/** What the worker needs. */
export interface ImportWorkerOptions {
  db: Database;
  api: Pick<LarkApi, 'downloadMessageFile'>;
  /** The API a message belongs to, when the service speaks to more than one (Lark and the local console). */
  apiFor?: (messageId: string) => Pick<LarkApi, 'downloadMessageFile'> | undefined;
  logger: Logger;
  /** After a report was queued: wakes the outbox sender (answers refresh by themselves: the database announces the import). */
  onImported?: () => void;
  pollMs?: number;
  leaseMs?: number;
  /** Counts jobs by stage and outcome. */
  metrics?: ServiceMetrics;
}

const MAX_ATTEMPTS = 3;

/** Takes import jobs and runs them. */
export class ImportWorker extends PollingWorker {
  private readonly leaseMs: number;

  constructor(private readonly options: ImportWorkerOptions) {
    super({ pollMs: options.pollMs ?? 5_000, logger: options.logger, name: 'import worker' });
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  /** Runs every ready job once. */
  async pass(): Promise<void> {
    const now = new Date();
    for (const job of await this.options.db.repos.importJobs.ready(now, 5)) {
      if (!(await this.options.db.repos.importJobs.lease(job, now, new Date(now.getTime() + this.leaseMs)))) continue;
      await this.run({ ...job, attempts: job.attempts + 1 });
    }
  }

  private async run(job: ImportJobRecord): Promise<void> {
    const { db, logger } = this.options;
    const api = this.options.apiFor?.(job.messageId) ?? this.options.api;
    let bytes: Buffer;
    try {
      bytes = await api.downloadMessageFile(job.messageId, job.fileKey);
    } catch (error) {
      logger.warn({ jobId: job.id, attempt: job.attempts, err: error }, 'downloading a plan file failed');
      if (job.attempts < MAX_ATTEMPTS) {
        this.options.metrics?.importJobs.inc({ stage: job.stage, outcome: 'retry' });
        return db.repos.importJobs.settle(job.id, 'pending', String(error));
      }
      return this.finish(job, 'failed', `导入失败：无法从飞书下载“${job.fileName}”。请稍后重新发送文件再试。`, String(error));
    }
    if (job.stage === 'preview') {
      await previewImportJob(db, job, bytes, logger);
      this.options.metrics?.importJobs.inc({ stage: 'preview', outcome: 'done' });
      return this.options.onImported?.();
    }
    const result = await importDocumentBytes(db, job.fileName, bytes, job.requestedBy, overridesOf(job));
    if ('error' in result) {
      // An internal failure's text (a database error with source paths) goes to the log, never to the chat.
      if (result.detail) logger.error({ jobId: job.id, fileName: job.fileName, detail: result.detail }, 'importing a plan failed');
      return this.finish(job, 'failed', `导入失败：${result.error}`, result.error);
    }
    const summary = formatImportResults([result]);
    await this.finish(job, 'done', `导入完成：\n${summary}`, null, 'report' in result ? result.report.planId : null);
  }

  /** Settles the job and queues what the requester is told, together. */
  private async finish(job: ImportJobRecord, state: 'done' | 'failed', text: string, error: string | null, planId: number | null = null): Promise<void> {
    this.options.metrics?.importJobs.inc({ stage: job.stage, outcome: state });
    await this.options.db.transaction(async (repos) => {
      await repos.importJobs.settle(job.id, state, error);
      await repos.audit.record({ actor: job.requestedBy, action: state === 'done' ? 'import_job.done' : 'import_job.failed', entityType: 'import_job', entityId: job.id, after: { fileName: job.fileName, planId, error } });
      await enqueueOutgoing(repos, `import-job-${job.id}`, [{ kind: 'send', receiveIdType: 'chat_id', receiveId: job.chatId, msgType: 'text', text }]);
    });
    this.options.onImported?.();
  }
}
