/**
 * isNewDatabase decides whether `npm start` runs the migrations early, while
 * the service loads: true only for a database never migrated, so a restart
 * never starts `prisma migrate deploy` for nothing.
 */
import { describe, expect, it } from 'vitest';
import { isNewDatabase } from '../../src/db/new-database.js';
import { createEmptyDatabaseUrl, createTestDatabaseUrl, DATABASES } from '../support/databases.js';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`isNewDatabase [${provider}]`, () => {
    it('is true for a database never migrated, false once it is', async () => {
      expect(await isNewDatabase(await createEmptyDatabaseUrl(provider))).toBe(true);
      expect(await isNewDatabase(await createTestDatabaseUrl(provider))).toBe(false);
    });
  });
}

describe('isNewDatabase', () => {
  it('counts a PostgreSQL server it cannot reach as not new, leaving the report to the start itself', async () => {
    expect(await isNewDatabase('postgresql://nobody@127.0.0.1:1/none')).toBe(false);
  });
});
