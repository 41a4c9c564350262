/**
 * One SQLite connection, used by one thing at a time. better-sqlite3 gives
 * Prisma a single connection, and its adapter locks it only for
 * transactions: a statement run outside a transaction while one is open
 * lands inside it — an event stored and acknowledged during another event's
 * work was lost when that work rolled back. This wraps the adapter so every
 * statement outside a transaction waits for the open transaction to end,
 * while the transaction's own call chain (which may read through the
 * non-transactional repositories, e.g. the question catalog) passes
 * straight through, as it would on its own connection. A unit of work holds
 * the connection as Prisma's transactions do, with a transaction of its own
 * on it (sqlite-unit-of-work.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { countStatement } from './statement-count.js';

/**
 * What an async call chain belongs to: a unit of work, and while that unit
 * opens Prisma's transaction on its own (sqlite-unit-of-work.ts), the
 * transaction Prisma is to be given instead of a new one.
 */
interface Mark {
  unit: symbol;
  adopt?: () => object;
}

/** Marks the async call chain of one unit of work. */
const unitOfWork = new AsyncLocalStorage<Mark>();

/** Runs `work` as a unit of work, so statements in its call chain are recognised as its own. */
export function asUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
  return unitOfWork.run({ unit: Symbol('unit of work') }, work);
}

/** The unit of work the current async call chain belongs to, if any (pg-direct.ts finds its transaction by it). */
export function currentUnitOfWork(): symbol | undefined {
  return unitOfWork.getStore()?.unit;
}

/**
 * Runs `work` (which opens Prisma's interactive transaction) so that the
 * transaction Prisma starts in it is `transaction`, the unit's own already
 * open on the connection, instead of a new one: only in this call chain,
 * only while `unit` holds the connection (sqlite-unit-of-work.ts).
 */
export function adoptingTransaction<T>(unit: symbol, transaction: () => object, work: () => Promise<T>): Promise<T> {
  return unitOfWork.run({ unit, adopt: transaction }, work);
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

/** What a unit of work needs of better-sqlite3's connection. */
export interface NativeConnection {
  prepare(sql: string): NativeStatement;
  /** True while a transaction is open on the connection. */
  readonly inTransaction: boolean;
}

/**
 * The one connection as a unit of work on it sees it (sqlite-unit-of-work.ts):
 * it waits for the connection, marks itself as its holder, and runs its
 * statements straight on it until it lets go.
 */
export interface SqliteConnection {
  /** Resolves with the release function once nothing else holds the connection. */
  acquire(): Promise<() => void>;
  /** Marks `unit` as the holder (statements in its call chain pass straight through), or nobody. */
  hold(unit: symbol | undefined): void;
  /** Runs a statement text prepared once and kept, now: the caller holds the connection. Rows as `prepared` gives them. */
  preparedNow(sql: string, args: readonly (string | number | null)[]): Record<string, unknown>[];
  /** Runs a statement (BEGIN, COMMIT, ROLLBACK) now, counted: the caller holds the connection. */
  executeNow(sql: string): void;
  /** The adapter's own statements, past the lock: the caller holds the connection. */
  readonly adapter: AdapterConnection;
  /** better-sqlite3's connection. */
  readonly native: NativeConnection;
}

/** The driver adapter's connection, as Prisma calls it. */
export interface AdapterConnection {
  readonly provider: string;
  readonly adapterName: string;
  queryRaw(query: unknown): Promise<ResultSet>;
  executeRaw(query: unknown): Promise<number>;
}

/** Statements kept per connection, at most this many (the hot statements are a dozen texts; IN lists vary in length). */
const PREPARED_LIMIT = 200;

/** What the driver adapter's connection answers a query with (Prisma's SqlResultSet). */
export interface ResultSet {
  columnNames: string[];
  rows: unknown[][];
}

const directOfClient = new WeakMap<object, Promise<DirectSqlite>>();
const connectionOfClient = new WeakMap<object, Promise<SqliteConnection>>();

/**
 * The direct statements of the SQLite client `db` (a Prisma client, one of
 * its transactions, or a unit of work's handle); undefined on PostgreSQL.
 */
export function directSqliteOf(db: object): Promise<DirectSqlite> | undefined {
  return directOfClient.get(db) ?? directOfClient.get(originalClient(db));
}

/** Binds a unit of work's handle to the direct statements of its own transaction (sqlite-unit-of-work.ts). */
export function bindDirectSqlite(handle: object, direct: DirectSqlite): void {
  directOfClient.set(handle, Promise.resolve(direct));
}

/** The serialised connection of the SQLite client `db`, for units of work on it; undefined on PostgreSQL. */
export function sqliteConnectionOf(db: object): Promise<SqliteConnection> | undefined {
  return connectionOfClient.get(originalClient(db));
}

/** The client behind a Prisma client or transaction: both keep it at `_originalClient`. */
function originalClient(db: object): object {
  return (db as { _originalClient?: object })._originalClient ?? db;
}

/** A statement as the driver adapter takes it. */
export function adapterQuery(sql: string, args: readonly unknown[]) {
  return { sql, args: [...args], argTypes: args.map((arg) => ({ scalarType: typeof arg === 'number' ? 'float' : 'string', arity: 'scalar' })) };
}

/** The rows of an adapter's result set as column → value. */
export function rowsOf(result: ResultSet): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])));
}

/** The adapter factory with its connection serialised; `register` binds the direct statements to the Prisma client that uses it. */
export function serialisedSqlite<T extends AdapterFactory>(factory: T): T & { register(client: object): void } {
  let resolve!: (connection: Serialised) => void;
  const connected = new Promise<Serialised>((done) => (resolve = done));
  const direct: Promise<DirectSqlite> = connected.then((connection) => ({
    execute: (sql, args) => connection.locked(() => connection.adapter.executeRaw(adapterQuery(sql, args))),
    query: (sql, args) => connection.locked(async () => rowsOf(await connection.adapter.queryRaw(adapterQuery(sql, args)))),
    prepared: (sql, args) => connection.locked(() => connection.preparedNow(sql, args)),
  }));
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'register')
        return (client: object) => {
          directOfClient.set(originalClient(client), direct);
          connectionOfClient.set(originalClient(client), connected);
        };
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => {
        const connection = new Serialised((await target.connect()) as AdapterConnection);
        resolve(connection);
        return connection.proxy;
      };
    },
  }) as T & { register(client: object): void };
}

/**
 * The one connection and its lock. Prisma gets `proxy`: its statements
 * outside a transaction wait for the lock unless their call chain is the
 * holder's; its transactions hold the lock until they end.
 */
class Serialised implements SqliteConnection {
  private readonly lock = new Lock();
  private holder: symbol | undefined;
  /** Statement texts prepared once and kept. */
  private readonly kept = new Map<string, NativeStatement>();
  readonly native: NativeConnection;
  readonly proxy: object;

  constructor(readonly adapter: AdapterConnection) {
    this.native = Reflect.get(adapter, 'client') as NativeConnection;
    this.proxy = this.serialise();
  }

  acquire(): Promise<() => void> {
    return this.lock.acquire();
  }

  hold(unit: symbol | undefined): void {
    this.holder = unit;
  }

  preparedNow(sql: string, args: readonly (string | number | null)[]): Record<string, unknown>[] {
    countStatement(sql);
    let statement = this.kept.get(sql);
    if (!statement) {
      if (this.kept.size >= PREPARED_LIMIT) this.kept.delete(this.kept.keys().next().value!);
      statement = this.native.prepare(sql);
      this.kept.set(sql, statement);
    }
    return statement.reader ? statement.all(...args) : [{ changes: statement.run(...args).changes }];
  }

  executeNow(sql: string): void {
    countStatement(sql);
    let statement = this.kept.get(sql);
    if (!statement) {
      statement = this.native.prepare(sql);
      this.kept.set(sql, statement);
    }
    statement.run();
  }

  /** Runs `work` as the holder's call chain does, or once the lock is free. */
  async locked<R>(work: () => R | Promise<R>): Promise<R> {
    if (this.ownChain()) return work();
    const release = await this.lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** True in the call chain of the unit of work holding the connection. */
  private ownChain(): boolean {
    return this.holder !== undefined && unitOfWork.getStore()?.unit === this.holder;
  }

  private serialise(): object {
    const connection = this.adapter as unknown as Record<PropertyKey, unknown>;
    const call = (property: PropertyKey, args: unknown[]) => (Reflect.get(connection, property) as AnyFunction).apply(connection, args);
    return new Proxy(connection, {
      get: (target, property) => {
        if (property === 'queryRaw' || property === 'executeRaw' || property === 'executeScript') {
          return (...args: unknown[]) => this.locked(() => call(property, args));
        }
        if (property === 'startTransaction') {
          return async (...args: unknown[]) => {
            if (this.ownChain()) {
              // A unit of work on the connection opening Prisma's transaction for its model queries: its own, already open.
              const adopt = unitOfWork.getStore()?.adopt;
              if (adopt) return adopt();
              throw new Error('a transaction cannot be opened inside another on SQLite');
            }
            const release = await this.lock.acquire();
            try {
              const transaction = (await call(property, args)) as object;
              this.holder = currentUnitOfWork();
              return endsWith(transaction, () => {
                this.holder = undefined;
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
