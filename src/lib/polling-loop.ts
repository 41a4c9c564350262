/**
 * A background loop that runs one pass at a time: every `pollMs` (or sooner,
 * as the pass asks), and at once when woken. The outbox sender and the
 * import worker run on it.
 */
import type { Logger } from './logger.js';

/** Runs `pass` in the background until stopped. */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    /** One pass; returns how soon another is useful (ms), or nothing for the poll interval. */
    private readonly pass: () => Promise<number | void>,
    private readonly options: { pollMs: number; logger: Logger; name: string },
  ) {}

  /** Starts the loop. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Work arrived: run a pass now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    this.timer.unref?.();
  }

  private async loop() {
    if (this.running || this.stopped) return;
    let next = this.options.pollMs;
    this.running = (async () => {
      try {
        next = Math.min(next, (await this.pass()) ?? next);
      } catch (error) {
        this.options.logger.error({ err: error }, `${this.options.name} pass failed`);
      }
    })();
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      next = 0;
    }
    this.schedule(next);
  }
}

/** A service that works in passes on a PollingLoop: started, stopped, and woken when work arrives. */
export abstract class PollingWorker {
  private readonly loop: PollingLoop;

  constructor(options: { pollMs: number; logger: Logger; name: string }) {
    this.loop = new PollingLoop(() => this.pass(), options);
  }

  /** One pass over the work that is due; returns how soon another is useful (ms), or nothing for the poll interval. */
  abstract pass(): Promise<number | void>;

  /** Starts the background loop. */
  start(): void {
    this.loop.start();
  }

  /** Stops the loop and waits for the pass in progress. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Work arrived: run a pass now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }
}
