/**
 * A unit of work on SQLite as a transaction on the connection itself: BEGIN
 * and COMMIT straight to better-sqlite3 while the unit holds the one
 * connection, instead of Prisma's interactive transaction, whose
 * transaction manager cost about 0.2 ms of CPU a unit on 2026-12-03 (a
 * bare BEGIN and COMMIT: a few microseconds, the writes and fsync aside).
 * Most events' units run only the hot statements (hot-sql.ts), which go to
 * the connection here too. A unit that asks for a Prisma model query or raw
 * SQL through its handle gets Prisma's interactive transaction opened then,
 * on this same transaction (Prisma is handed it as already open: no BEGIN,
 * and its COMMIT or ROLLBACK is ours), so those queries behave exactly as
 * in a transaction of Prisma's own: batched by transaction, multi-statement
 * writes inline, refused once it has ended.
 *
 * What Prisma's transaction guaranteed is kept: the unit's statements
 * commit together or roll back together; its handle refuses every statement
 * once the unit has committed, rolled back or timed out (`timeout`: rolled
 * back then and the connection let go, as Prisma's timeout does); a unit
 * waits at most `maxWait` for the connection.
 */
import type { PrismaDb, PrismaTx } from './client.js';
import { adapterQuery, adoptingTransaction, bindDirectSqlite, currentUnitOfWork, rowsOf, type DirectSqlite, type SqliteConnection } from './serialised-sqlite.js';

/** Settings of a unit of work. */
export interface SqliteUnitOptions {
  /** How long the unit may run before it is rolled back, in ms. */
  timeout: number;
  /** How long it may wait for the connection, in ms. */
  maxWait: number;
}

/** Raised for a statement on a unit's handle after the unit ended (as Prisma refuses one on a closed transaction). */
export class UnitClosedError extends Error {
  constructor(state: 'committed' | 'rolled back' | 'timed out') {
    super(`Transaction already closed: the unit of work has ${state}; its statements are refused.`);
    this.name = 'UnitClosedError';
  }
}

/** Raised when a unit ran past its timeout: it was rolled back, nothing of it is kept. */
export class UnitTimedOutError extends Error {
  constructor(timeout: number, taken: number) {
    super(`Transaction already closed: the unit of work ran ${taken} ms, past its timeout of ${timeout} ms, and was rolled back.`);
    this.name = 'UnitTimedOutError';
  }
}

/** Raised when the connection was not free within `maxWait`. */
export class UnitWaitError extends Error {
  constructor(maxWait: number) {
    super(`Transaction API error: Unable to start a transaction in the given time (${maxWait} ms).`);
    this.name = 'UnitWaitError';
  }
}

/** Waits for the connection at most `maxWait` ms; a lock granted after that is given back at once. */
async function acquireWithin(connection: SqliteConnection, maxWait: number): Promise<() => void> {
  const acquiring = connection.acquire();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnitWaitError(maxWait)), maxWait);
  });
  try {
    return await Promise.race([acquiring, late]);
  } catch (error) {
    void acquiring.then((release) => release());
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` as one transaction on the connection, with a handle on it
 * (`Db`, as the repositories take); call it inside `asUnitOfWork`.
 */
export async function sqliteUnitOfWork<T>(connection: SqliteConnection, prisma: PrismaDb, work: (handle: PrismaTx) => Promise<T>, options: SqliteUnitOptions): Promise<T> {
  const unit = currentUnitOfWork();
  if (!unit) throw new Error('sqliteUnitOfWork runs inside asUnitOfWork');
  const release = await acquireWithin(connection, options.maxWait);
  connection.hold(unit);
  try {
    connection.executeNow('BEGIN');
  } catch (error) {
    connection.hold(undefined);
    release();
    throw error;
  }
  const open = new OpenUnit(unit, connection, prisma, release, options.timeout);
  let result: T;
  try {
    result = await work(open.handle);
  } catch (error) {
    await open.end(false);
    throw error;
  }
  if (open.timedOut) throw new UnitTimedOutError(options.timeout, Date.now() - open.startedAt);
  await open.end(true);
  return result;
}

/** One unit's transaction while it runs. */
class OpenUnit {
  readonly startedAt = Date.now();
  readonly handle: PrismaTx;
  timedOut = false;
  private state: 'open' | 'committed' | 'rolled back' | 'timed out' = 'open';
  private readonly timer: NodeJS.Timeout;
  /** Prisma's interactive transaction on this one, once a model query asked for it. */
  private prismaTx: Promise<PrismaTx> | undefined;
  /** Ends Prisma's transaction (fulfilled: Prisma commits, which does nothing here; rejected: rolls back, likewise). */
  private endPrisma: ((commit: boolean) => void) | undefined;
  /** Prisma's $transaction, settled once it has closed its side. */
  private prismaDone: Promise<unknown> | undefined;

  constructor(
    private readonly unit: symbol,
    private readonly connection: SqliteConnection,
    private readonly prisma: PrismaDb,
    private readonly release: () => void,
    private readonly timeout: number,
  ) {
    this.timer = setTimeout(() => {
      if (this.state !== 'open') return;
      this.timedOut = true;
      void this.close('timed out', false);
    }, timeout);
    this.handle = unitHandle(prisma, (call) => this.viaPrisma(call));
    bindDirectSqlite(this.handle, this.direct());
  }

  /** Refuses a statement once the unit has ended. */
  private assertOpen(): void {
    if (this.state !== 'open') throw new UnitClosedError(this.state);
  }

  /** The hot statements and bulk writes of this unit: on the connection, now, while it is open. */
  private direct(): DirectSqlite {
    const { connection } = this;
    return {
      execute: async (sql, args) => {
        this.assertOpen();
        return connection.adapter.executeRaw(adapterQuery(sql, args));
      },
      query: async (sql, args) => {
        this.assertOpen();
        return rowsOf(await connection.adapter.queryRaw(adapterQuery(sql, args)));
      },
      prepared: async (sql, args) => {
        this.assertOpen();
        return connection.preparedNow(sql, args);
      },
    };
  }

  /** Runs a Prisma model query or raw SQL on Prisma's transaction on this one, opened on first use. */
  private async viaPrisma<R>(call: (tx: PrismaTx) => Promise<R>): Promise<R> {
    this.assertOpen();
    const tx = await this.openPrisma();
    this.assertOpen();
    return call(tx);
  }

  private openPrisma(): Promise<PrismaTx> {
    this.prismaTx ??= new Promise<PrismaTx>((resolve, reject) => {
      const ended = new Promise<void>((done, fail) => (this.endPrisma = (commit) => (commit ? done() : fail(new Error('the unit of work rolled back')))));
      let handedOver = false;
      const adopted = () => {
        if (handedOver) throw new Error('a transaction cannot be opened inside another on SQLite');
        handedOver = true;
        return this.adoptedTransaction();
      };
      this.prismaDone = adoptingTransaction(this.unit, adopted, () =>
        // Prisma's own timeout is past the unit's: the unit's timer ends both.
        this.prisma.$transaction(
          async (tx) => {
            resolve(tx);
            await ended;
          },
          { timeout: this.timeout + 60_000, maxWait: 60_000 },
        ),
      ).catch((error: unknown) => reject(error));
    });
    return this.prismaTx;
  }

  /**
   * The transaction Prisma is given: this one, already open. Its statements
   * run on the connection while the unit is open; COMMIT and ROLLBACK are
   * the unit's, so Prisma is told they happen in the driver (nothing sent).
   */
  private adoptedTransaction(): object {
    const { adapter } = this.connection;
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: true },
      queryRaw: async (query: unknown) => {
        this.assertOpen();
        return adapter.queryRaw(query);
      },
      executeRaw: async (query: unknown) => {
        this.assertOpen();
        return adapter.executeRaw(query);
      },
      commit: async () => undefined,
      rollback: async () => undefined,
    };
  }

  /** Commits (or rolls back) and lets go of the connection. */
  async end(commit: boolean): Promise<void> {
    if (this.state !== 'open') return;
    await this.close(commit ? 'committed' : 'rolled back', commit);
  }

  private async close(state: 'committed' | 'rolled back' | 'timed out', commit: boolean): Promise<void> {
    this.state = state;
    clearTimeout(this.timer);
    try {
      if (this.endPrisma) {
        this.endPrisma(commit);
        await this.prismaDone;
      }
      if (commit) {
        try {
          this.connection.executeNow('COMMIT');
        } catch (error) {
          this.state = 'rolled back';
          throw error;
        }
      }
    } finally {
      // A failed COMMIT leaves the transaction open: it is rolled back before anyone else may use the connection.
      if (this.connection.native.inTransaction) {
        try {
          this.connection.executeNow('ROLLBACK');
        } catch {
          // The connection is closed or broken: SQLite has already rolled back.
        }
      }
      this.connection.hold(undefined);
      this.release();
    }
  }
}

/** Methods of the Prisma client a unit's handle lacks, as a transaction client lacks them. */
const NOT_IN_A_TRANSACTION = new Set(['$transaction', '$connect', '$disconnect', '$on', '$use', '$extends']);

/**
 * A unit's handle: what the repositories call `db`. A model query or raw
 * SQL goes to Prisma's transaction on the unit (`via`); the hot
 * statements find the unit's own direct statements by the handle
 * (bindDirectSqlite). It never exposes the plain client.
 */
function unitHandle(prisma: PrismaDb, via: <R>(call: (tx: PrismaTx) => Promise<R>) => Promise<R>): PrismaTx {
  const client = prisma as unknown as Record<string, unknown>;
  const members = new Map<string, unknown>();
  return new Proxy(Object.create(null) as object, {
    get(_, property) {
      if (typeof property !== 'string') return undefined;
      if (members.has(property)) return members.get(property);
      const value = client[property];
      let member: unknown;
      if (property.startsWith('$')) {
        member = typeof value === 'function' && !NOT_IN_A_TRANSACTION.has(property) ? (...args: unknown[]) => via((tx) => (tx as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[property]!(...args)) : undefined;
      } else if (!property.startsWith('_') && value !== null && typeof value === 'object') {
        member = modelHandle(property, value as Record<string, unknown>, via);
      }
      members.set(property, member);
      return member;
    },
  }) as PrismaTx;
}

/** A model's delegate on a unit's handle: each method runs on Prisma's transaction on the unit. */
function modelHandle(model: string, delegate: Record<string, unknown>, via: <R>(call: (tx: PrismaTx) => Promise<R>) => Promise<R>): object {
  const methods = new Map<string, unknown>();
  return new Proxy(delegate, {
    get(target, property) {
      if (typeof property !== 'string') return Reflect.get(target, property);
      if (methods.has(property)) return methods.get(property);
      const value = target[property];
      const method =
        typeof value === 'function'
          ? (...args: unknown[]) => via((tx) => ((tx as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[model]!)[property]!(...args))
          : value;
      methods.set(property, method);
      return method;
    },
  });
}
