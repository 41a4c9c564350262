/**
 * Statements on PostgreSQL past Prisma: Prisma's raw SQL still goes through
 * its query compiler and runtime (about 0.3 ms of CPU a statement on
 * 2026-12-03), so the statements every event runs (src/repositories/hot-sql.ts)
 * go to the driver adapter itself — inside a unit of work on the
 * transaction Prisma opened for it, outside on the pool. Which transaction
 * is a unit of work's is known from the async call chain that opened it
 * (serialised-sqlite.ts's unit of work), and which Prisma handle is that
 * transaction's from Database.transaction (`markTransactionClient`).
 */
import { currentUnitOfWork } from './serialised-sqlite.js';

/** A value bound to a direct statement. */
export type DirectValue = string | number | Date | null;

/** Statements on one PostgreSQL connection or transaction, `$1`… placeholders. */
export interface DirectPg {
  /** Rows as column → value (timestamps as ISO text, integers as numbers). */
  query(sql: string, args: readonly DirectValue[]): Promise<Record<string, unknown>[]>;
  /** The number of rows changed. */
  execute(sql: string, args: readonly DirectValue[]): Promise<number>;
}

/** What the adapter's connections and transactions answer (Prisma's SqlQueryable). */
interface Queryable {
  queryRaw(query: unknown): Promise<{ columnNames: string[]; rows: unknown[][] }>;
  executeRaw(query: unknown): Promise<number>;
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** The adapter's transaction of each open unit of work. */
const transactionOfWork = new Map<symbol, Queryable>();
/** Prisma transaction handles → their unit of work. */
const workOfClient = new WeakMap<object, symbol>();
/** Prisma clients → their adapter's pool, once Prisma has connected it (it connects on its first query). */
const poolOfClient = new WeakMap<object, { adapter?: Queryable }>();

function argType(value: DirectValue) {
  const scalarType = value instanceof Date ? 'datetime' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : 'string';
  return { scalarType, arity: 'scalar' };
}

function directOn(queryable: Queryable): DirectPg {
  const query = (sql: string, args: readonly DirectValue[]) => ({ sql, args: [...args], argTypes: args.map(argType) });
  return {
    async query(sql, args) {
      const result = await queryable.queryRaw(query(sql, args));
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])));
    },
    execute: (sql, args) => queryable.executeRaw(query(sql, args)),
  };
}

/** Records that `tx` (a Prisma transaction handle) belongs to the unit of work running now; call it first thing in the transaction. */
export function markTransactionClient(tx: object): void {
  const work = currentUnitOfWork();
  if (work) workOfClient.set(tx, work);
}

/**
 * The direct statements of a Prisma handle on PostgreSQL: its transaction's
 * when it is a transaction handle, the pool's when it is the client;
 * undefined when unknown (SQLite, or a handle opened elsewhere), and the
 * caller uses Prisma's raw SQL.
 */
export async function directPgOf(db: object): Promise<DirectPg | undefined> {
  const work = workOfClient.get(db);
  if (work) {
    const transaction = transactionOfWork.get(work);
    return transaction ? directOn(transaction) : undefined;
  }
  // Before Prisma's first query there is no pool yet: Prisma's raw SQL connects it.
  const pool = poolOfClient.get(db)?.adapter;
  return pool ? directOn(pool) : undefined;
}

/** The PostgreSQL adapter factory, remembering each unit of work's transaction; `register` binds the pool to the Prisma client. */
export function pgDirect<T extends { connect(): Promise<object> }>(factory: T): T & { register(client: object): void } {
  const connected: { adapter?: Queryable } = {};
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'register') return (client: object) => poolOfClient.set(client, connected);
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const adapter = withTransactionsKnown(await target.connect());
        connected.adapter = adapter as unknown as Queryable;
        return adapter;
      };
    },
  }) as T & { register(client: object): void };
}

function withTransactionsKnown<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== 'startTransaction') return (value as AnyFunction).bind(target);
      return async (...args: unknown[]) => {
        const transaction = (await (value as AnyFunction).apply(target, args)) as Queryable & object;
        const work = currentUnitOfWork();
        if (!work) return transaction;
        transactionOfWork.set(work, transaction);
        const forget = () => {
          if (transactionOfWork.get(work) === transaction) transactionOfWork.delete(work);
        };
        return new Proxy(transaction, {
          get(inner, name) {
            const member = Reflect.get(inner, name);
            if (typeof member !== 'function') return member;
            if (name === 'commit' || name === 'rollback') {
              return async () => {
                forget();
                return (member as AnyFunction).apply(inner, []);
              };
            }
            return (member as AnyFunction).bind(inner);
          },
        });
      };
    },
  });
}
