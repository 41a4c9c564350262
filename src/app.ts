/**
 * The composition root: wires configuration, database, HTTP and (as they
 * arrive) the Lark connection and the scheduler. `main.ts` starts it for
 * real; tests start it on port 0 against their own database.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { migrateDatabase } from './db/migrate.js';
import { createHttpApp } from './http/server.js';
import { seedNewDatabase } from './imports/seed-database.js';
import { ImportWorker } from './imports/import-worker.js';
import type { Logger } from './lib/logger.js';
import { ServiceMetrics } from './lib/service-metrics.js';
import { commands } from '../commands/index.js';
import { commandCardActions, commandPermissions, toChatCommands } from './bot/command-context.js';
import { createConversation } from './bot/conversation.js';
import { createPlanImport } from './bot/plan-import.js';
import { createQuestionAnswering } from './bot/question-answering.js';
import { withChaseOnRequest } from './bot/chase-on-request.js';
import { reminderCardActions } from './bot/reminder-actions.js';
import { registerCardActions } from './bot/card-action-registry.js';
import { QuestionCatalog } from './domain/questions/question-catalog.js';
import { startLarkConnection, type LarkConnection } from './lark/lark-connection.js';
import { loadChinaCalendar } from './calendar/china-holidays.js';
import { holidayCoverage } from './domain/calendar/holiday-coverage.js';
import { dayIn } from './lib/dates.js';
import { SummaryScheduler } from './summaries/summary-scheduler.js';
import { startConsoleBackend } from './console/local-console.js';
import { unseatCast } from './console/console-cast.js';
import { removeDemoPlans } from './imports/demo-seeds.js';

/** The real plans a new installation starts with. */
const SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url));

/** How long a shutdown waits for requests under way before it cuts their connections. */
const REQUEST_GRACE_MS = 5_000;

/** A running service. */
export interface RunningApp {
  db: Database;
  /** What questions are answered from (it refreshes itself after every write to plans, tasks and units). */
  catalog: QuestionCatalog;
  /** The Lark connection, when an app is configured (or the local console stands in for one). */
  lark?: LarkConnection;
  server: Server;
  /** Base URL the service listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Sends weekly cards and reminders when they are due (running when Lark is configured). */
  scheduler: SummaryScheduler;
  /** What GET /metrics serves. */
  metrics: ServiceMetrics;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/** What a caller may replace: the clock and the holiday files' folder, for tests that run the calendar. */
export interface AppOptions {
  clock?: () => Date;
  /** Where holidays/<year>.json files are read from (the project's holidays/ by default). */
  holidaysDir?: string;
  /** Node's own process metrics on /metrics (on by default; tests that start many services in one process turn them off). */
  processMetrics?: boolean;
}

/** Migrates the database, then starts the service. */
export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? (() => new Date());
  const metrics = new ServiceMetrics({ processMetrics: options.processMetrics });
  const calendar = loadChinaCalendar(options.holidaysDir);
  for (const year of holidayCoverage(calendar, dayIn(config.timeZone, clock())).missing) {
    logger.warn(`no official holiday schedule for ${year}: weekends only are days off, and cards that depend on it say 暂按周末计算; add holidays/${year}.json (see holidays/README.md)`);
  }
  let db = await Database.open(config.databaseUrl);
  // Migrate only when needed: a restart on a current schema does not wait for the schema engine.
  if (!(await db.health()).schemaCurrent) {
    await db.close();
    await migrateDatabase(config.databaseUrl);
    db = await Database.open(config.databaseUrl);
  }
  if (config.seedOnEmpty) await seedNewDatabase(db, SEEDS_DIR, logger);
  // The console's people hold roles only while the console is the only app: off, they must not review or receive real cards.
  if (!config.console) {
    const revoked = await unseatCast(db, 'console_off');
    if (revoked > 0) logger.info({ revoked }, 'the local console is off: its people no longer hold roles');
  }
  // The console's demonstration data never stays beside a real Lark app: its tasks would reach real chats.
  if (config.lark) {
    const removed = await removeDemoPlans(db, 'system', 'a real Lark app is configured');
    if (removed > 0) logger.info({ removed }, 'a real Lark app is configured: the console\'s demonstration plans were deleted');
  }
  const catalog = new QuestionCatalog(db);
  const questions = createQuestionAnswering({ catalog, timeZone: config.timeZone });
  const commandServices = { catalog, timeZone: config.timeZone, admins: config.admins, calendar };
  // Plans sent in chat are imported by a worker that needs the Lark API, so it is bound once the connection is up.
  let importWorker: ImportWorker | undefined;
  const planImport = createPlanImport({ admins: config.admins, onRequested: () => importWorker?.wake() });
  const conversation = createConversation({
    commands: toChatCommands(commands, commandServices),
    permissionsOf: commandPermissions(commandServices),
    answerQuestion: withChaseOnRequest(questions.answerQuestion, commandServices),
    cardActions: registerCardActions([
      { owner: 'questions', handlers: questions.cardActions },
      ...commandCardActions(commands, commandServices),
      { owner: 'plan import', handlers: planImport.cardActions },
      { owner: 'reminders', handlers: reminderCardActions(config) },
    ]),
    onFile: planImport.onFile,
  });
  // The local console: the only app without Lark credentials, or a second one beside a real app (CONSOLE=1).
  const consoleBackend = config.console ? await startConsoleBackend() : undefined;
  const settings = config.lark ?? consoleBackend?.settings;
  const side = config.lark && consoleBackend ? consoleBackend.sideApi(logger) : undefined;
  const lark = settings ? await startLarkConnection(settings, db, conversation, logger, side, metrics) : undefined;
  const scheduler = new SummaryScheduler({ db, catalog, calendar, timeZone: config.timeZone, logger, clock, admins: config.admins, onQueued: () => lark?.sender.wake(), metrics });
  if (lark) {
    importWorker = new ImportWorker({ db, api: lark.api, apiFor: lark.apiFor, logger, metrics, onImported: () => lark.sender.wake() });
  }
  const consoleRouter =
    consoleBackend && lark ? await consoleBackend.mount({ connection: lark, db, catalog, timeZone: config.timeZone, logger, access: config.console!, besideRealApp: config.lark !== undefined, clock, seedsDir: SEEDS_DIR }) : undefined;
  metrics.gauge('duban_event_queue_depth', 'Events stored and waiting in memory to be processed', () => lark?.processor.queued() ?? 0);
  // Both outbox gauges are read in one scrape: they share one query.
  let reading: ReturnType<typeof db.repos.outbox.backlog> | undefined;
  const backlog = () => (reading ??= db.repos.outbox.backlog().finally(() => (reading = undefined)));
  metrics.gauge('duban_outbox_pending', 'Outbox messages waiting to be sent', async () => (await backlog()).pending);
  metrics.gauge('duban_outbox_oldest_pending_seconds', 'Age of the oldest outbox message waiting to be sent (0 when none waits)', async () => {
    const oldest = (await backlog()).oldestPendingAt;
    return oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0;
  });
  const app = createHttpApp({
    db,
    logger,
    metrics,
    trustProxy: config.trustProxy,
    routers: [lark?.router, consoleRouter].filter((router) => router !== undefined),
    // In memory, so /healthz stays cheap: how far the holiday data reaches and which near year runs weekends-only.
    healthExtras: () => ({ ...(lark?.health() ?? {}), holidays: holidayCoverage(calendar, dayIn(config.timeZone, clock())) }),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.on('error', reject);
  });
  // Background work starts once the service listens: its first pass (reminders, purge, the question index) no longer competes with getting there.
  if (lark) {
    importWorker!.start();
    scheduler.start();
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  return {
    db,
    catalog,
    lark,
    server,
    url,
    scheduler,
    metrics,
    async close() {
      // Requests under way get a few seconds to finish; then their connections are cut (one waiting on a database that does not answer cannot hold up the shutdown).
      await new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), REQUEST_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      server.closeAllConnections();
      await importWorker?.stop();
      await scheduler.stop();
      await lark?.close();
      await consoleBackend?.close();
      await db.close();
    },
  };
}
