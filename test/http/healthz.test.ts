import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Database } from '../../src/db/database.js';
import { createHttpApp } from '../../src/http/server.js';
import { createLogger } from '../../src/lib/logger.js';
import { createEmptyDatabaseUrl, DATABASES } from '../support/databases.js';
import { TEST_POSTGRES_URL } from '../support/test-env.js';
import { databaseUrlOf, startTestApp, type TestApp } from '../support/app.js';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`GET /healthz [${provider}]`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(provider);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers 200 with a reachable database and a current schema', async () => {
      const response = await fetch(`${app.url}/healthz`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        database: { provider, reachable: true, schemaCurrent: true, pendingMigrations: [] },
      });
    });

    it('answers 404 for unknown paths without leaking internals', async () => {
      const response = await fetch(`${app.url}/no-such-page`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/at .*\.ts/);
    });

    it('answers 503 when the schema is not migrated', async () => {
      const db = await Database.open(await createEmptyDatabaseUrl(provider));
      const server = createHttpApp({ db, logger: createLogger('silent') }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          status: 'unavailable',
          database: { reachable: true, schemaCurrent: false },
        });
      } finally {
        server.close();
        await db.close();
      }
    });

    it.runIf(provider === 'postgresql')('answers 503 when the database cannot be reached', async () => {
      const url = new URL(databaseUrlOf(app));
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
      const response = await fetch(`${app.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    });

  });
}

describe('first start', () => {
  it('imports seeds/ into an empty database', async () => {
    const app = await startTestApp('sqlite', { SEED_ON_EMPTY: '1' });
    try {
      expect(await app.db.repos.plans.count()).toBe(5);
      expect(app.logs.join('')).toContain('imported seeds');
    } finally {
      await app.close();
    }
  });

  it('on a fresh machine: creates the SQLite folder, migrates, and answers /healthz', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'duban-fresh-')), 'data', 'nested');
    const app = await startTestApp('sqlite', {}, `file:${join(folder, 'duban.db')}`);
    try {
      expect(existsSync(join(folder, 'duban.db'))).toBe(true);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      rmSync(dirname(dirname(folder)), { recursive: true, force: true });
    }
  });
});
