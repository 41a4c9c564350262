/**
 * The PostgreSQL connections of one Database: a pg pool that Prisma's
 * adapter borrows (the Database ends it), transactions that always give
 * their connection back, and a close that cannot hang.
 *
 * Why: Prisma's transaction manager (client engine, 6.19) sends ROLLBACK
 * (or COMMIT) and only then calls the adapter's rollback(), which releases
 * the pool client; when that statement fails — the connection was killed
 * by a PostgreSQL restart, failover or pg_terminate_backend — it never
 * calls it. The client stayed lent out for good: each transaction running
 * during an outage cost the pool one of its connections until the service
 * stopped answering, and closing the pool waited for them forever (the
 * outage test's teardown hung past its 60 s hook timeout).
 */
import pg from 'pg';
import { pgPoolConfig, type DatabaseTarget } from './database-url.js';

/** How long a connection (or a wait for a free one) may take before the query fails. */
export const CONNECT_TIMEOUT_MS = 30_000;

/** How long a close waits for lent-out connections to come back before it ends them. */
export const CLOSE_GRACE_MS = 5_000;

/** A pool and what it has lent out. */
export interface PgPool {
  pool: pg.Pool;
  /** Connections lent out now (each released once it is given back or dropped). */
  lent: Set<pg.PoolClient>;
}

/** Opens the pool of a PostgreSQL target (connections are made on first use). */
export function openPgPool(target: Extract<DatabaseTarget, { provider: 'postgresql' }>, max: number, applicationName: string): PgPool {
  const pool = new pg.Pool({ ...pgPoolConfig(target, max, applicationName), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const lent = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => lent.add(client));
  pool.on('release', (_error, client) => lent.delete(client as pg.PoolClient));
  pool.on('remove', (client) => lent.delete(client as pg.PoolClient));
  // An idle connection that dies is dropped by the pool; without a listener its error would end the process.
  pool.on('error', () => undefined);
  return { pool, lent };
}

/**
 * Ends the pool: waits up to `graceMs` for lent-out connections to come
 * back, then ends those still out (a query in flight fails) and stops
 * waiting, so a connection nobody gives back cannot hold up a shutdown.
 */
export async function closePgPool({ pool, lent }: PgPool, graceMs = CLOSE_GRACE_MS): Promise<void> {
  const ended = pool.end().catch(() => undefined);
  if (await within(ended, graceMs)) return;
  await within(Promise.allSettled([...lent].map((client) => client.end())), graceMs);
}

/** True when `promise` settled within `ms`; false when the wait was given up. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** The SQL of a driver adapter's query argument ({ sql, args, argTypes }). */
function sqlOf(query: unknown): string {
  return typeof query === 'object' && query !== null && typeof (query as { sql?: unknown }).sql === 'string' ? (query as { sql: string }).sql : '';
}

/**
 * A transaction that releases its connection when its COMMIT or ROLLBACK
 * fails (the pool drops a connection that is no longer usable), instead of
 * waiting for a release Prisma does not call then; a later commit() or
 * rollback() does nothing more.
 */
function releasingTransaction<T extends object>(transaction: T): T {
  let released = false;
  const release = async (how: 'commit' | 'rollback') => {
    if (released) return;
    released = true;
    await (Reflect.get(transaction, how) as AnyFunction).call(transaction);
  };
  return new Proxy(transaction, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property === 'commit' || property === 'rollback') return () => release(property);
      if (property !== 'executeRaw' || typeof value !== 'function') return typeof value === 'function' ? (value as AnyFunction).bind(target) : value;
      return async (query: unknown, ...rest: unknown[]) => {
        const ending = /^\s*(COMMIT|ROLLBACK)\s*$/i.exec(sqlOf(query))?.[1]?.toLowerCase() as 'commit' | 'rollback' | undefined;
        try {
          return await (value as AnyFunction).call(target, query, ...rest);
        } catch (error) {
          if (ending) await release(ending).catch(() => undefined);
          throw error;
        }
      };
    },
  });
}

/** A driver adapter factory whose transactions always give their connection back (see releasingTransaction). */
export function releasingTransactions<T extends { connect(): Promise<object> }>(factory: T): T {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const adapter = await target.connect();
        return new Proxy(adapter, {
          get(inner, name) {
            const value = Reflect.get(inner, name);
            if (typeof value !== 'function') return value;
            if (name !== 'startTransaction') return (value as AnyFunction).bind(inner);
            return async (...args: unknown[]) => releasingTransaction((await (value as AnyFunction).apply(inner, args)) as object);
          },
        });
      };
    },
  });
}
