/**
 * Import jobs: plan documents sent in chat by an administrator. One job per
 * file: first a preview (the worker reads the file and shows what an import
 * would do), then, when 导入 is pressed, the import with the choices made on
 * the card. A worker leases a pending job, and a lease that runs out (the
 * worker died) lets another take it again.
 */
import type { Db } from './client.js';

/** A job as the worker sees it. */
export interface ImportJobRecord {
  id: number;
  messageId: string;
  fileKey: string;
  fileName: string;
  chatId: string;
  requestedBy: string;
  /** 'preview': read the file and show what an import would do; 'import': import it. */
  stage: 'preview' | 'import';
  state: 'pending' | 'running' | 'previewed' | 'done' | 'failed' | 'cancelled';
  /** The administrator's choices on the preview card, as JSON; null before 导入. */
  options: string | null;
  attempts: number;
}

/** Reads and writes import jobs. */
export class ImportJobRepository {
  constructor(private readonly db: Db) {}

  /** Records a request; the same file asked again gives the existing job (`created` false). */
  async request(input: Pick<ImportJobRecord, 'messageId' | 'fileKey' | 'fileName' | 'chatId' | 'requestedBy'> & { stage?: ImportJobRecord['stage'] }): Promise<{ job: ImportJobRecord; created: boolean }> {
    const existing = await this.db.importJob.findUnique({ where: { messageId_fileKey: { messageId: input.messageId, fileKey: input.fileKey } } });
    if (existing) return { job: existing as ImportJobRecord, created: false };
    return { job: (await this.db.importJob.create({ data: input })) as ImportJobRecord, created: true };
  }

  /** Jobs ready to run: pending, or running with a lease that ran out. */
  async ready(now: Date, limit: number): Promise<ImportJobRecord[]> {
    const rows = await this.db.importJob.findMany({
      where: { OR: [{ state: 'pending' }, { state: 'running', leaseUntil: { lt: now } }] },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows as ImportJobRecord[];
  }

  /** Takes a job for one worker until `until`; false when another took it first. */
  async lease(job: ImportJobRecord, now: Date, until: Date): Promise<boolean> {
    const result = await this.db.importJob.updateMany({
      where: { id: job.id, attempts: job.attempts, OR: [{ state: 'pending' }, { state: 'running', leaseUntil: { lt: now } }] },
      data: { state: 'running', leaseUntil: until, attempts: { increment: 1 } },
    });
    return result.count === 1;
  }

  /** Settles a job: done, failed for good, previewed (waiting for 导入), or back to pending to try again. */
  async settle(id: number, state: 'done' | 'failed' | 'pending' | 'previewed', error: string | null = null): Promise<void> {
    await this.db.importJob.update({
      where: { id },
      data: { state, lastError: error, leaseUntil: null, ...(state === 'done' || state === 'failed' ? { finishedAt: new Date() } : {}) },
    });
  }

  /**
   * 导入 on a previewed job: it becomes a pending import with the choices
   * made. Only from 'previewed', so pressing twice (or on two devices)
   * imports once; false when the job had already moved on.
   */
  async confirm(id: number, options: string): Promise<boolean> {
    const result = await this.db.importJob.updateMany({ where: { id, state: 'previewed' }, data: { state: 'pending', stage: 'import', options, attempts: 0 } });
    return result.count === 1;
  }

  /** 不导入 on a previewed job; false when it had already moved on. */
  async cancel(id: number): Promise<boolean> {
    const result = await this.db.importJob.updateMany({ where: { id, state: 'previewed' }, data: { state: 'cancelled', finishedAt: new Date() } });
    return result.count === 1;
  }

  /** A job by id. */
  async get(id: number): Promise<ImportJobRecord | undefined> {
    return ((await this.db.importJob.findUnique({ where: { id } })) as ImportJobRecord | null) ?? undefined;
  }
}
