/**
 * The service's Prometheus metrics, served at GET /metrics: what an operator
 * watches to know the bot is alive and keeping up — events in, refused and
 * processed, how long processing takes, what waits in the queue and the
 * outbox, how the Lark API answers (429s apart), and how many weekly cards,
 * reminders and imports ran. One registry per running service (tests start
 * several in one process), never prom-client's global one. Components take
 * it as an optional option and count what they do; none of them knows of
 * HTTP or Prometheus beyond that. The names are listed in the README.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Kinds of inbound events, as the processor sees them. */
export type EventKind = 'message' | 'bot_added' | 'card_action';

/** The label of each event kind, made once. */
const KIND_LABELS: Record<EventKind, { kind: EventKind }> = { message: { kind: 'message' }, bot_added: { kind: 'bot_added' }, card_action: { kind: 'card_action' } };

/** What a gauge reads at scrape time (the database's outbox depth, say). */
export type GaugeReading = () => number | Promise<number>;

/** Every metric the service exposes, on its own registry. */
export class ServiceMetrics {
  /** Where the metrics live; /metrics renders it. */
  readonly registry = new Registry();

  /** Events handed to the processor by a transport (stored or a redelivery). */
  readonly eventsReceived = new Counter({
    name: 'duban_events_received_total',
    help: 'Platform events received after verification, by kind; duplicate=true for a redelivery already stored',
    labelNames: ['kind', 'duplicate'] as const,
    registers: [this.registry],
  });

  /** Requests the webhook refused before anything ran (forged, unsigned, stale, undecryptable). */
  readonly eventsRefused = new Counter({
    name: 'duban_events_refused_total',
    help: 'Webhook requests refused by verification, by HTTP status answered',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  /** Events whose processing finished, by outcome (failed = the user got an apology). */
  readonly eventsProcessed = new Counter({
    name: 'duban_events_processed_total',
    help: 'Events processed, by kind and outcome (ok, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Time from taking an event to its transaction's commit. */
  readonly processingSeconds = new Histogram({
    name: 'duban_event_processing_seconds',
    help: 'Time to process one event (its transaction included), by kind',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Every Lark Open API call, by operation and how it ended. */
  readonly larkCalls = new Counter({
    name: 'duban_lark_api_calls_total',
    help: 'Lark Open API call attempts, by operation, outcome (ok, error) and code (Lark code, else HTTP status, else network)',
    labelNames: ['operation', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  /** Calls Lark answered with a rate limit (HTTP 429 or a rate-limit code). */
  readonly larkRateLimited = new Counter({
    name: 'duban_lark_rate_limited_total',
    help: 'Lark Open API calls answered with HTTP 429 or a rate-limit code, by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  /** Outbox messages settled, by outcome. */
  readonly outboxSettled = new Counter({
    name: 'duban_outbox_messages_total',
    help: 'Outbox messages settled: sent, retried (failed once, will retry), fallback (card refused, text sent instead), failed (given up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Scheduled messages queued: weekly cards, reminders, supervisors' cards, holiday notices. */
  readonly scheduledQueued = new Counter({
    name: 'duban_scheduled_messages_total',
    help: 'Scheduled messages queued for sending, by kind (weekly_card, reminder, supervisor_card, holiday_notice)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  /** Import jobs from chat that finished, by stage and outcome. */
  readonly importJobs = new Counter({
    name: 'duban_import_jobs_total',
    help: 'Import jobs run, by stage (preview, import) and outcome (done, failed, retry)',
    labelNames: ['stage', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Rows the daily purge forgot, by table: what keeps the database from growing forever. */
  readonly rowsPurged = new Counter({
    name: 'duban_rows_purged_total',
    help: 'Rows deleted by the daily purge, by table (inbound_event, outbox_message, import_job, reminder_snooze, sent_summary)',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    // Node's own (event loop lag, heap, CPU): off only where several services share one process (tests).
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'duban_' });
  }

  /** A gauge read when scraped: queue and outbox depth come from where they are kept, not from counting by hand. */
  gauge(name: string, help: string, read: GaugeReading): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /**
   * Times a piece of work and records it under `kind`. One observation, no
   * prom-client timer: its startTimer made two closures, an hrtime pair and
   * a merged copy of the labels for every event.
   */
  startTimer(kind: EventKind): () => void {
    const started = performance.now();
    return () => this.processingSeconds.observe(KIND_LABELS[kind], (performance.now() - started) / 1000);
  }

  /** The metrics in Prometheus' text format. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
