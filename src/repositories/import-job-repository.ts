/**
 * Import jobs: plan documents sent in chat that an administrator asked to
 * import. One job per file; a worker leases it, and a lease that runs out
 * (the worker died) lets another take it again.
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
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
}

/** Reads and writes import jobs. */
export class ImportJobRepository {
  constructor(private readonly db: Db) {}

  /** Records a request; the same file asked again gives the existing job (`created` false). */
  async request(input: Pick<ImportJobRecord, 'messageId' | 'fileKey' | 'fileName' | 'chatId' | 'requestedBy'>): Promise<{ job: ImportJobRecord; created: boolean }> {
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

  /** Settles a job: done, failed for good, or back to pending to try again. */
  async settle(id: number, state: 'done' | 'failed' | 'pending', error: string | null = null): Promise<void> {
    await this.db.importJob.update({
      where: { id },
      data: { state, lastError: error, leaseUntil: null, ...(state === 'pending' ? {} : { finishedAt: new Date() }) },
    });
  }

  /** A job by id. */
  async get(id: number): Promise<ImportJobRecord | undefined> {
    return ((await this.db.importJob.findUnique({ where: { id } })) as ImportJobRecord | null) ?? undefined;
  }
}
