/**
 * Generates the Prisma client of each provider into src/generated/<provider>.
 * Runs at `npm install` (postinstall).
 *
 * `prisma generate` needs DATABASE_URL to hold a URL of the schema's own
 * provider; without one it tries to download a native query engine, which
 * this project never uses (the query compiler is WebAssembly). A placeholder
 * URL is enough: generate does not connect.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PROVIDERS, schemaPath, type Provider } from '../src/db/provider-schema.js';

const placeholder: Record<Provider, string> = {
  sqlite: 'file:./data/duban.db',
  postgresql: 'postgresql://localhost:5432/placeholder',
};
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

for (const provider of PROVIDERS) {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schemaPath(provider)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: placeholder[provider], PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
