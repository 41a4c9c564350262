/**
 * Writes the two provider schemas from prisma/models.prisma.
 *
 * A Prisma schema names one provider, and duban runs on SQLite (embedded) and
 * PostgreSQL (shared). Keeping the models in one file and generating the two
 * schemas from it means the databases cannot drift apart.
 *
 * Usage: `npm run db:schemas` (writes) or `tsx scripts/prisma-schemas.ts --check`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVIDERS, renderProviderSchema, schemaPath } from '../src/db/provider-schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const models = readFileSync(`${root}/prisma/models.prisma`, 'utf8');
const check = process.argv.includes('--check');
let stale = 0;
for (const provider of PROVIDERS) {
  const path = `${root}/${schemaPath(provider)}`;
  const wanted = renderProviderSchema(provider, models);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current === wanted) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run db:schemas`);
    stale++;
  } else {
    writeFileSync(path, wanted);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
