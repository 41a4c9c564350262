/**
 * The local chat console, put together: its Open API on a loopback port
 * (started before the Lark connection, which is pointed at it, or given it
 * beside a real app), then the cast seated and the web router mounted once
 * the connection is up. The app starts it when CONSOLE says so.
 */
import type Router from '@koa/router';
import type { Database } from '../db/database.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import { LarkApi } from '../lark/lark-api.js';
import type { LarkConnection, LarkConnectionSettings, SideApi } from '../lark/lark-connection.js';
import type { Logger } from '../lib/logger.js';
import { seatCast } from './console-cast.js';
import type { ConsoleAccess } from './console-guard.js';
import { startConsoleOpenApi, type ConsoleOpenApi } from './console-open-api.js';
import { createConsoleRouter } from './console-router.js';
import { ConsoleStore } from './console-store.js';

/** Ids the console issues: chats, people, messages, card tokens and files. */
const CONSOLE_ID = /^(oc|ou|om|c|file)_console_/;

/** The console before the Lark connection exists. */
export interface ConsoleBackend {
  store: ConsoleStore;
  openApi: ConsoleOpenApi;
  /** Connection settings when the console is the only app (no Lark credentials). */
  settings: LarkConnectionSettings;
  /** The console as a second API beside a real app. */
  sideApi(logger: Logger): SideApi;
  /** Seats the cast and builds the web router, on the running connection. */
  mount(deps: { connection: LarkConnection; db: Database; catalog: QuestionCatalog; timeZone: string; logger: Logger; access: ConsoleAccess; besideRealApp: boolean; clock: () => Date; seedsDir: string }): Promise<Router>;
  close(): Promise<void>;
}

/** Starts the console's Open API and store. */
export async function startConsoleBackend(): Promise<ConsoleBackend> {
  const store = new ConsoleStore();
  const openApi = await startConsoleOpenApi(store);
  const settings: LarkConnectionSettings = { appId: openApi.app.appId, appSecret: openApi.app.appSecret, domain: openApi.url, mode: 'console' };
  return {
    store,
    openApi,
    settings,
    sideApi: (logger) => ({
      api: new LarkApi({ appId: openApi.app.appId, appSecret: openApi.app.appSecret, domain: openApi.url, logger: logger.child({ component: 'console' }) }),
      owns: (target) => CONSOLE_ID.test(target),
    }),
    async mount({ connection, db, catalog, timeZone, logger, access, besideRealApp, clock, seedsDir }) {
      const cast = await seatCast(db, { withRoles: !besideRealApp });
      const console = createConsoleRouter({
        store,
        cast,
        processor: connection.processor,
        botOpenId: connection.botOpenId,
        appId: openApi.app.appId,
        db,
        catalog,
        timeZone,
        access,
        logger: logger.child({ component: 'console' }),
        onQueued: () => connection.sender.wake(),
        clock,
        seedsDir,
        besideRealApp,
      });
      await console.introduce();
      return console.router;
    },
    close: () => openApi.close(),
  };
}
