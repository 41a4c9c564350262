/**
 * Fresh databases for a benchmark: SQLite files in a temporary folder, and
 * PostgreSQL databases on BENCH_POSTGRES_URL's server when it is set. Each
 * `url()` is a new, empty database; `cleanup()` removes them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One kind of database a benchmark runs on. */
export interface BenchDatabase {
  provider: 'SQLite' | 'PostgreSQL';
  url: () => Promise<string>;
  cleanup: () => Promise<void>;
}

/** SQLite, and PostgreSQL when BENCH_POSTGRES_URL names a server; `prefix` names the files and databases. */
export function freshDatabases(prefix: string): BenchDatabase[] {
  const dir = mkdtempSync(join(tmpdir(), `duban-${prefix}-`));
  let count = 0;
  const list: BenchDatabase[] = [{ provider: 'SQLite', url: async () => `file:${dir}/${prefix}-${++count}.db`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
  const admin = process.env.BENCH_POSTGRES_URL;
  if (admin) {
    const names: string[] = [];
    const query = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    list.push({
      provider: 'PostgreSQL',
      url: async () => {
        const name = `duban_${prefix}_${process.pid}_${names.length}`;
        names.push(name);
        await query(`CREATE DATABASE "${name}"`);
        const url = new URL(admin);
        url.pathname = `/${name}`;
        return url.toString();
      },
      cleanup: async () => {
        for (const name of names) await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    });
  }
  return list;
}
