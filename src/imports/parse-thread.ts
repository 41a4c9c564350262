/**
 * Reads and parses documents in a worker thread, so that the service keeps
 * answering questions, webhooks and /healthz while a big or hostile file is
 * read (a 10,000-row sheet takes seconds to parse). The database write
 * stays in the main thread. One thread serves every document in turn (it
 * takes seconds to load the readers, so it is kept), with a memory ceiling
 * and a time limit per document: a file that would exhaust either is
 * refused with a Chinese answer and the thread is ended, the service
 * untouched; the next document starts a new one.
 */
import { Worker } from 'node:worker_threads';
import { DocumentRefused } from './formats/size-limits.js';
import type { ParsedDocument } from './read-document.js';

/** Limits of the parse thread. */
export interface ParseThreadLimits {
  /** How long reading and parsing one document may take, in ms. */
  timeoutMs?: number;
  /** The thread's heap ceiling, in MB. */
  memoryMb?: number;
}

const BOOTSTRAP = new URL('./parse-thread-bootstrap.mjs', import.meta.url);
// The entry has the extension this module has: .ts when run through tsx, .js when compiled.
const ENTRY = new URL(`./parse-thread-entry${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

type Answer = { id: number; ok: true; result: ParsedDocument } | { id: number; ok: false; name: string; message: string; stack?: string };

/** An error from the thread, with the name it had there (so an answered error is still recognised as one). */
function rebuilt(answer: Extract<Answer, { ok: false }>): Error {
  const error = new Error(answer.message);
  error.name = answer.name;
  if (answer.stack) error.stack = answer.stack;
  return error;
}

/** A worker thread that reads and parses one document at a time. */
export class ParseThread {
  private worker: Worker | undefined;
  private pending: { id: number; fileName: string; resolve: (result: ParsedDocument) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private sequence = 0;

  constructor(private readonly limits: ParseThreadLimits = {}) {}

  /**
   * Reads and parses `bytes` as the document `fileName`; resolves as
   * parseDocumentBytes would, rejects with its errors, or with
   * DocumentRefused when the document takes too long or too much memory.
   */
  parse(fileName: string, bytes: Buffer): Promise<ParsedDocument> {
    const turn = this.queue.then(() => this.run(fileName, bytes));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Ends the thread (a document being read is refused). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('parse thread closed'));
    await worker?.terminate();
  }

  private run(fileName: string, bytes: Buffer): Promise<ParsedDocument> {
    const worker = this.worker ?? this.start();
    const timeoutMs = this.limits.timeoutMs ?? 120_000;
    return new Promise<ParsedDocument>((resolve, reject) => {
      const id = ++this.sequence;
      const timer = setTimeout(() => {
        // The thread may be stuck in the document: it is ended, and the next document gets a new one.
        this.fail(new DocumentRefused(`${fileName}：读取这份文件超过了 ${Math.round(timeoutMs / 1000)} 秒仍未完成，没有导入。文件可能过大或结构异常：请只保留任务表格，另存后再导入。`));
        void this.stop(worker);
      }, timeoutMs);
      this.pending = { id, fileName, resolve, reject, timer };
      worker.postMessage({ id, fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    });
  }

  private start(): Worker {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb ?? 1_024 },
    });
    worker.on('message', (answer: Answer | { ready: true }) => {
      if (!('id' in answer) || answer.id !== this.pending?.id) return;
      const { resolve, reject, timer } = this.pending;
      this.pending = undefined;
      clearTimeout(timer);
      if (answer.ok) resolve(answer.result);
      else reject(rebuilt(answer));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const fileName = this.pending?.fileName ?? '文件';
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DocumentRefused(`${fileName}：读取这份文件所需的内存超过了上限，没有导入。文件中的内容可能远多于一份分工方案：请只保留任务表格，另存后再导入。`)
          : error,
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.fail(new Error('the parse thread stopped before answering'));
    });
    // An idle thread never keeps the process alive (after the listeners, which would hold it again).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async stop(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = undefined;
    await worker.terminate();
  }

  /** Rejects the document being read, if any. */
  private fail(error: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(error);
  }
}

/** The thread documents sent in chat are read in, started on first use. */
export const sharedParseThread = new ParseThread();
