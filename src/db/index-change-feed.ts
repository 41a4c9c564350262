/**
 * Hears, on PostgreSQL, the other instances' committed writes to what the
 * question index is built from: the database (database.ts) NOTIFYs
 * "duban_index" in the transaction of every such write, and this keeps one
 * connection of its own LISTENing. (A trigger from a migration would catch
 * writers outside this code too, but the migration runner splits scripts at
 * every semicolon, which a PL/pgSQL body cannot do without.) Each notice from another writer (not
 * this process's pool, whose writes the database announces in-process) in
 * the same schema calls `onChange`. While the connection is down `live()`
 * is false, so the index falls back to its fingerprint look; it reconnects
 * by itself and, once listening again, calls `onChange` once for whatever
 * was missed meanwhile.
 */
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import { CLOSE_GRACE_MS, CONNECT_TIMEOUT_MS, within } from './pg-pool.js';

/** The channel every instance notifies and listens on. */
export const INDEX_CHANGE_CHANNEL = 'duban_index';

/** A listening connection. */
export interface IndexChangeFeed {
  /** True while listening: every other instance's commit will be heard. */
  live(): boolean;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/** Settings of the feed. */
export interface IndexChangeFeedOptions {
  connectionString: string;
  schema: string;
  /** This process's pool's application_name: its own notices are skipped. */
  ownName: string;
  onChange: () => void;
  logger?: Logger;
  /** Wait before reconnecting, doubled up to 30 s. */
  retryMs?: number;
}

/** Starts listening; resolves once the first LISTEN is done (or failed, then it retries in the background). */
export async function startIndexChangeFeed(options: IndexChangeFeedOptions): Promise<IndexChangeFeed> {
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let wait = options.retryMs ?? 1_000;
  const mine = `${options.schema} ${options.ownName}`;

  const lost = (error?: unknown) => {
    if (closed) return;
    if (listening || error) options.logger?.warn({ err: error }, 'index change feed lost; the question index looks for changes by fingerprint until it is back');
    listening = false;
    const dead = client;
    client = undefined;
    dead?.removeAllListeners();
    dead?.on('error', () => undefined);
    void dead?.end().catch(() => undefined);
    retry ??= setTimeout(() => {
      retry = undefined;
      void connect();
    }, wait);
    retry.unref();
    wait = Math.min(30_000, wait * 2);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString, application_name: `${options.ownName}-listen`, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client = next;
    next.on('error', (error) => lost(error));
    next.on('end', () => (client === next ? lost() : undefined));
    next.on('notification', (notice) => {
      if (notice.channel !== INDEX_CHANGE_CHANNEL || !notice.payload?.startsWith(`${options.schema} `) || notice.payload === mine) return;
      options.onChange();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${INDEX_CHANGE_CHANNEL}"`);
      if (closed || client !== next) {
        await next.end().catch(() => undefined);
        return;
      }
      listening = true;
      wait = options.retryMs ?? 1_000;
      // Whatever committed while nobody listened.
      options.onChange();
    } catch (error) {
      if (client === next) lost(error);
    }
  };

  await connect();
  return {
    live: () => listening,
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      // A connection that does not say goodbye (the server gone mid-handshake) does not hold up the close.
      await within(last?.end().catch(() => undefined) ?? Promise.resolve(), CLOSE_GRACE_MS);
    },
  };
}
