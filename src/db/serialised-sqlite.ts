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

/** Marks the async call chain of one unit of work. */
const unitOfWork = new AsyncLocalStorage<symbol>();

/** Runs `work` as a unit of work, so statements in its call chain are recognised as its own. */
export function asUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
  return unitOfWork.run(Symbol('unit of work'), work);
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

/** The adapter factory with its connection serialised. */
export function serialisedSqlite<T extends AdapterFactory>(factory: T): T {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => serialiseConnection(await target.connect());
    },
  });
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
