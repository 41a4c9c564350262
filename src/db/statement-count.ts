/**
 * Counts the SQL statements the service sends, at the driver adapter (below
 * Prisma): what "statements per event" in BENCHMARKS.md is measured with.
 * Costs one increment per statement; a listener (bench/profile-event.ts)
 * sees each statement's text.
 */

let count = 0;
const listeners = new Set<(sql: string) => void>();

/** Statements sent since the process started (BEGIN and COMMIT included). */
export function statementsSent(): number {
  return count;
}

/** Calls `listener` with each statement's SQL text until the returned function is called. */
export function watchStatements(listener: (sql: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts a statement: the adapter's own, and those sent past it (serialised-sqlite.ts's prepared statements). */
export function countStatement(sql: string): void {
  count++;
  for (const listener of listeners) listener(sql);
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** The SQL of a driver adapter's query argument ({ sql, args, argTypes }). */
function sqlOf(query: unknown): string {
  return typeof query === 'object' && query !== null && typeof (query as { sql?: unknown }).sql === 'string' ? (query as { sql: string }).sql : String(query);
}

/** Counts the statements of a connection or transaction (queryRaw, executeRaw) and the BEGIN a startTransaction runs. */
function countingQueryable<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: unknown, ...rest: unknown[]) => {
          countStatement(sqlOf(query));
          return (value as AnyFunction).call(target, query, ...rest);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => {
          const transaction = (await (value as AnyFunction).apply(target, args)) as object;
          countStatement('BEGIN');
          return countingQueryable(transaction);
        };
      }
      return (value as AnyFunction).bind(target);
    },
  });
}

/** A driver adapter factory whose connections count their statements. */
export function countStatements<T extends { connect(): Promise<object> }>(factory: T): T {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      return async () => countingQueryable(await target.connect());
    },
  });
}
