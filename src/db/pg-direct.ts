/**
 * Statements on PostgreSQL past Prisma: Prisma's raw SQL still goes through
 * its query compiler and runtime (about 0.3 ms of CPU a statement on
 * 2026-12-03), so the statements every event runs (src/repositories/hot-sql.ts)
 * go to the driver adapter itself — inside a unit of work on the
 * transaction Prisma opened for it, outside on the pool.
 *
 * Which adapter transaction is a unit of work's is decided once, when it
 * opens: Database.transaction announces it (`expectTransaction`) just
 * before calling Prisma's $transaction, the first transaction the adapter
 * starts in that unit's call chain is taken as its own, and the callback
 * ties Prisma's handle to it (`bind`). Later transactions started in the
 * same call chain (Prisma's internal ones for a multi-statement write
 * through the plain repositories, or work that inherited the chain) are
 * never mistaken for it. A direct statement is sent only while the
 * transaction is open: from the moment Prisma sends COMMIT or ROLLBACK
 * (its timeout included) statements on the handle go to Prisma, which
 * refuses them as it refuses any statement on a closed transaction; none
 * can land on the connection outside the transaction or after it went
 * back to the pool.
 */
import { currentUnitOfWork } from './serialised-sqlite.js';

/** A value bound to a direct statement. */
export type DirectValue = string | number | Date | null;

/** What the adapter's pool and transactions answer (Prisma's SqlQueryable). */
interface Queryable {
  queryRaw(query: unknown): Promise<{ columnNames: string[]; rows: unknown[][] }>;
  executeRaw(query: unknown): Promise<number>;
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** A unit of work's transaction, from the moment it is announced until COMMIT or ROLLBACK is sent. */
class OwnTransaction {
  private transaction: Queryable | undefined;
  private ended = false;

  constructor(private readonly work: symbol | undefined) {}

  /** Takes the adapter's transaction as this unit's own (the first one started after the announcement). */
  take(transaction: Queryable): void {
    this.transaction = transaction;
  }

  /** From now on no direct statement goes to the transaction. */
  end(): void {
    this.ended = true;
    this.forget();
  }

  /** Drops the announcement if no transaction took it (SQLite, or Prisma failed to open one). */
  forget(): void {
    if (this.work && expected.get(this.work) === this) expected.delete(this.work);
  }

  /** Ties Prisma's transaction handle to this transaction; call it first thing in the $transaction callback. */
  bind(tx: object): void {
    if (this.transaction) ownOfClient.set(tx, this);
  }

  /** The transaction while it is open. */
  open(): Queryable | undefined {
    return this.ended ? undefined : this.transaction;
  }
}

/** Units of work that announced a transaction the adapter has not started yet. */
const expected = new Map<symbol, OwnTransaction>();
/** Prisma transaction handles → their unit of work's transaction. */
const ownOfClient = new WeakMap<object, OwnTransaction>();
/** Prisma clients → their adapter's pool, once Prisma has connected it (it connects on its first query). */
const poolOfClient = new WeakMap<object, { adapter?: Queryable }>();

/**
 * Announces that the unit of work running now is about to open its
 * transaction: call it in the unit's call chain right before Prisma's
 * $transaction, `bind` the handle in the callback, and `forget` once it
 * has settled.
 */
export function expectTransaction(): Pick<OwnTransaction, 'bind' | 'forget'> {
  const work = currentUnitOfWork();
  const own = new OwnTransaction(work);
  if (work) expected.set(work, own);
  return own;
}

function argType(value: DirectValue) {
  const scalarType = value instanceof Date ? 'datetime' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : 'string';
  return { scalarType, arity: 'scalar' };
}

function rowsOf(result: { columnNames: string[]; rows: unknown[][] }): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])));
}

const statement = (sql: string, args: readonly DirectValue[]) => ({ sql, args: [...args], argTypes: args.map(argType) });

/**
 * Runs a statement on `db`'s own connection past Prisma, or returns
 * undefined and the caller uses Prisma's raw SQL: when `db` is not known
 * (SQLite, or a handle opened elsewhere), when its transaction has ended,
 * or before Prisma has connected the pool. Checked and sent in the same
 * turn, so a transaction cannot end in between.
 */
function sendDirect<T>(db: object, send: (queryable: Queryable) => Promise<T>): Promise<T> | undefined {
  const own = ownOfClient.get(db);
  const queryable = own ? own.open() : poolOfClient.get(db)?.adapter;
  return queryable ? send(queryable) : undefined;
}

/** A statement returning rows, on `db`'s own PostgreSQL connection: rows as column → value (timestamps as ISO text); undefined when Prisma must run it (see sendDirect). */
export function queryDirect(db: object, sql: string, args: readonly DirectValue[]): Promise<Record<string, unknown>[]> | undefined {
  return sendDirect(db, async (queryable) => rowsOf(await queryable.queryRaw(statement(sql, args))));
}

/** A statement on `db`'s own PostgreSQL connection: the number of rows changed; undefined when Prisma must run it (see sendDirect). */
export function executeDirect(db: object, sql: string, args: readonly DirectValue[]): Promise<number> | undefined {
  return sendDirect(db, (queryable) => queryable.executeRaw(statement(sql, args)));
}

/** The PostgreSQL adapter factory, giving each unit of work its transaction; `register` binds the pool to the Prisma client. */
export function pgDirect<T extends { connect(): Promise<object> }>(factory: T): T & { register(client: object): void } {
  const connected: { adapter?: Queryable } = {};
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'register') return (client: object) => poolOfClient.set(client, connected);
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const adapter = withOwnTransactions(await target.connect());
        connected.adapter = adapter as unknown as Queryable;
        return adapter;
      };
    },
  }) as T & { register(client: object): void };
}

function withOwnTransactions<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== 'startTransaction') return (value as AnyFunction).bind(target);
      return async (...args: unknown[]) => {
        // Taken when the start is asked for, before any await: only the start the announcement was for can take it.
        const work = currentUnitOfWork();
        const own = work ? expected.get(work) : undefined;
        if (work && own) expected.delete(work);
        const transaction = (await (value as AnyFunction).apply(target, args)) as Queryable & object;
        if (!own) return transaction;
        const ending = endingTransaction(transaction, own);
        own.take(ending);
        return ending;
      };
    },
  });
}

/** The SQL of a driver adapter's query argument. */
function sqlOf(query: unknown): string {
  return typeof query === 'object' && query !== null && typeof (query as { sql?: unknown }).sql === 'string' ? (query as { sql: string }).sql : '';
}

/** The transaction, ending `own` as Prisma sends its COMMIT or ROLLBACK (or calls commit/rollback), before the statement goes out. */
function endingTransaction<T extends object>(transaction: T, own: OwnTransaction): T {
  return new Proxy(transaction, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property === 'commit' || property === 'rollback') {
        return (...args: unknown[]) => {
          own.end();
          return (value as AnyFunction).apply(target, args);
        };
      }
      if (property === 'executeRaw') {
        return (query: unknown, ...rest: unknown[]) => {
          if (/^\s*(COMMIT|ROLLBACK)\b/i.test(sqlOf(query))) own.end();
          return (value as AnyFunction).call(target, query, ...rest);
        };
      }
      return (value as AnyFunction).bind(target);
    },
  });
}
