import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Database, listMigrations } from '../../src/db/database.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { PROVIDERS, renderProviderSchema, schemaPath } from '../../src/db/provider-schema.js';
import BetterSqlite3 from 'better-sqlite3';
import { createEmptyDatabaseUrl, createTestDatabaseUrl, DATABASES } from '../support/databases.js';

/** Tables with their columns, indexes and foreign keys, in a comparable form. */
function describeSqliteSchema(url: string): Record<string, unknown> {
  const db = new BetterSqlite3(url.slice('file:'.length), { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        {
          columns: db.pragma(`table_info("${name}")`),
          indexes: (db.pragma(`index_list("${name}")`) as { name: string; unique: number }[])
            .map((index) => ({ ...index, columns: db.pragma(`index_info("${index.name}")`) }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          foreignKeys: db.pragma(`foreign_key_list("${name}")`),
        },
      ]),
    );
  } finally {
    db.close();
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`migrations [${provider}]`, () => {
    it('apply to an empty database, which then reports a current schema', async () => {
      const url = await createEmptyDatabaseUrl(provider);
      const before = await Database.open(url);
      const empty = await before.health();
      await before.close();
      expect(empty).toMatchObject({ reachable: true, schemaCurrent: false });

      await migrateDatabase(url);
      const db = await Database.open(url);
      try {
        const health = await db.health();
        expect(health).toMatchObject({ provider, reachable: true, schemaCurrent: true, pendingMigrations: [] });
        expect(health.appliedMigrations).toBe((await listMigrations(provider)).length);
        expect(await db.repos.plans.count()).toBe(0);
      } finally {
        await db.close();
      }
    });

    it('the health check answers while a long write holds the service’s connection (an import committing its rows)', async () => {
      const url = await createEmptyDatabaseUrl(provider);
      await migrateDatabase(url);
      const db = await Database.open(url);
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const writing = db.transaction(async (repos) => {
          await repos.plans.count();
          entered();
          await held;
        });
        await inside;
        // Answered before the write lets go: it would wait for it forever otherwise, as the write waits for this.
        const health = await db.health();
        release();
        await writing;
        expect(health).toMatchObject({ reachable: true, schemaCurrent: true });
      } finally {
        await db.close();
      }
    });

    it('are idempotent: deploying twice changes nothing', async () => {
      const url = await createEmptyDatabaseUrl(provider);
      await migrateDatabase(url);
      await migrateDatabase(url);
      const db = await Database.open(url);
      try {
        expect((await db.health()).schemaCurrent).toBe(true);
      } finally {
        await db.close();
      }
    });
  });
}

describe('provider schemas', () => {
  it.each(PROVIDERS)('%s schema is generated from prisma/models.prisma', (provider) => {
    const models = readFileSync(`${root}/prisma/models.prisma`, 'utf8');
    expect(readFileSync(`${root}/${schemaPath(provider)}`, 'utf8')).toBe(renderProviderSchema(provider, models));
  });

  it('ship the same migrations for both databases', async () => {
    expect(await listMigrations('postgresql')).toEqual(await listMigrations('sqlite'));
  });

  it('SQLite migrations build exactly the schema the models describe', async () => {
    // One database built by replaying the migrations, one straight from the
    // models: any model change without its migration shows as a difference.
    const fromMigrations = await createTestDatabaseUrl('sqlite');
    const fromModels = await createEmptyDatabaseUrl('sqlite');
    const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
    const diff = spawnSync(
      process.execPath,
      [cli, 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schemaPath('sqlite'), '--script'],
      { cwd: root, env: { ...process.env, DATABASE_URL: fromModels }, encoding: 'utf8' },
    );
    expect(diff.status).toBe(0);
    const direct = new BetterSqlite3(fromModels.slice('file:'.length));
    direct.exec(diff.stdout);
    direct.close();
    expect(describeSqliteSchema(fromMigrations)).toEqual(describeSqliteSchema(fromModels));
  });
});
