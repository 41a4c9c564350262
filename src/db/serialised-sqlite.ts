/**
 * One SQLite connection, used by one thing at a time. better-sqlite3 gives
 * Prisma a single connection, and its adapter locks it only for
 * transactions: a statement run outside a transaction while one is open
 * lands inside it — an event stored and acknowledged during another event's
 * work was lost when that work rolled back. This wraps the adapter so every
 * statement outside a transaction waits for the open transaction to end,
 * while the transaction's own call chain (which may read through the
 * non-transactional repositories, e.g. the question catalog) passes
 * straight through, as it would on its own connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { countStatement } from './statement-count.js';

/** Marks the async call chain of one unit of work. */
const unitOfWork = new AsyncLocalStorage<symbol>();

/** Runs `work` as a unit of work, so statements in its call chain are recognised as its own. */
export function asUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
  return unitOfWork.run(Symbol('unit of work'), work);
}

/** The unit of work the current async call chain belongs to, if any (pg-direct.ts finds its transaction by it). */
export function currentUnitOfWork(): symbol | undefined {
  return unitOfWork.getStore();
}

/** A first-come, first-served lock. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with the release function once the lock is held. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** What the wrapper needs of a Prisma driver adapter factory. */
interface AdapterFactory {
  connect(): Promise<object>;
}

/**
 * Statements run on the connection itself, past Prisma's query compiler,
 * under the same lock as Prisma's own (inside a unit of work they are part
 * of its transaction). For bulk writes: the compiler spends microseconds on
 * every bound value or byte, and a 10,000-task plan holds the one
 * connection for seconds that way.
 */
export interface DirectSqlite {
  /** Runs a statement; returns the number of rows changed. */
  execute(sql: string, args: readonly (string | number | null)[]): Promise<number>;
  /** Runs a statement that returns rows (SELECT, or INSERT … RETURNING); rows as column → value. */
  query(sql: string, args: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  /**
   * Runs a statement prepared once and kept (the statements every event runs,
   * src/repositories/hot-sql.ts): rows as column → value, integers as
   * BigInt, dates as stored (ISO text); for a statement without rows, one
   * row `{ changes }`. SQLite's own errors, not Prisma's.
   */
  prepared(sql: string, args: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
}

/** What `prepared` needs of better-sqlite3's connection. */
interface NativeStatement {
  reader: boolean;
  all(...args: unknown[]): Record<string, unknown>[];
  run(...args: unknown[]): { changes: number };
}

/** Statements kept per connection, at most this many (the hot statements are a dozen texts; IN lists vary in length). */
const PREPARED_LIMIT = 200;

/** What the driver adapter's connection answers a query with (Prisma's SqlResultSet). */
interface ResultSet {
  columnNames: string[];
  rows: unknown[][];
}

type Connection = {
  queryRaw(query: unknown): Promise<ResultSet>;
  executeRaw(query: unknown): Promise<number>;
  /** Runs `work` on the native connection under the same lock as a statement. */
  withNative<T>(sql: string, work: (native: { prepare(sql: string): NativeStatement }) => T): Promise<T>;
};

const directOfClient = new WeakMap<object, Promise<DirectSqlite>>();

/**
 * The direct statements of the SQLite client `db` (a Prisma client or one of
 * its transactions); undefined on PostgreSQL.
 */
export function directSqliteOf(db: object): Promise<DirectSqlite> | undefined {
  return directOfClient.get(originalClient(db));
}

/** The client behind a Prisma client or transaction: both keep it at `_originalClient`. */
function originalClient(db: object): object {
  return (db as { _originalClient?: object })._originalClient ?? db;
}

/** The adapter factory with its connection serialised; `register` binds the direct statements to the Prisma client that uses it. */
export function serialisedSqlite<T extends AdapterFactory>(factory: T): T & { register(client: object): void } {
  let resolve!: (connection: Connection) => void;
  const connected = new Promise<Connection>((done) => (resolve = done));
  const query = (sql: string, args: readonly unknown[]) => ({ sql, args: [...args], argTypes: args.map((arg) => ({ scalarType: typeof arg === 'number' ? 'float' : 'string', arity: 'scalar' })) });
  const direct: Promise<DirectSqlite> = connected.then((connection) => ({
    execute: (sql, args) => connection.executeRaw(query(sql, args)),
    query: async (sql, args) => {
      const result = await connection.queryRaw(query(sql, args));
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])));
    },
    prepared: (sql, args) =>
      connection.withNative(sql, (native) => {
        let statement = kept.get(sql);
        if (!statement) {
          if (kept.size >= PREPARED_LIMIT) kept.delete(kept.keys().next().value!);
          statement = native.prepare(sql);
          kept.set(sql, statement);
        }
        return statement.reader ? statement.all(...args) : [{ changes: statement.run(...args).changes }];
      }),
  }));
  const kept = new Map<string, NativeStatement>();
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'register') return (client: object) => directOfClient.set(originalClient(client), direct);
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const connection = serialiseConnection(await target.connect());
        resolve(connection as unknown as Connection);
        return connection;
      };
    },
  }) as T & { register(client: object): void };
}

function serialiseConnection<T extends object>(connection: T): T {
  const lock = new Lock();
  let holder: symbol | undefined;
  const ownStatement = () => holder !== undefined && unitOfWork.getStore() === holder;
  const call = (target: T, property: PropertyKey, args: unknown[]) => (Reflect.get(target, property) as AnyFunction).apply(target, args);
  return new Proxy(connection, {
    get(target, property) {
      if (property === 'queryRaw' || property === 'executeRaw' || property === 'executeScript') {
        return async (...args: unknown[]) => {
          if (ownStatement()) return call(target, property, args);
          const release = await lock.acquire();
          try {
            return await call(target, property, args);
          } finally {
            release();
          }
        };
      }
      if (property === 'withNative') {
        // The prepared statements of hot-sql.ts: counted as statements, under the lock, on better-sqlite3's own connection.
        return async (sql: string, work: (native: unknown) => unknown) => {
          countStatement(sql);
          const native = Reflect.get(target, 'client');
          if (ownStatement()) return work(native);
          const release = await lock.acquire();
          try {
            return work(native);
          } finally {
            release();
          }
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => {
          if (ownStatement()) throw new Error('a transaction cannot be opened inside another on SQLite');
          const release = await lock.acquire();
          try {
            const transaction = (await call(target, property, args)) as object;
            holder = unitOfWork.getStore();
            return endsWith(transaction, () => {
              holder = undefined;
              release();
            });
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? (value as AnyFunction).bind(target) : value;
    },
  });
}

/** The transaction, calling `done` once when it commits or rolls back. */
function endsWith<T extends object>(transaction: T, done: () => void): T {
  let ended = false;
  return new Proxy(transaction, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            return await (value as AnyFunction).apply(target, []);
          } finally {
            if (!ended) {
              ended = true;
              done();
            }
          }
        };
      }
      return typeof value === 'function' ? (value as AnyFunction).bind(target) : value;
    },
  });
}
