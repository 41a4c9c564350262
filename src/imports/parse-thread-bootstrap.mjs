/**
 * The first module of a parse thread. The project runs its TypeScript
 * through tsx, whose loader a worker thread does not inherit for its entry
 * file, so when the entry is a .ts file tsx is registered here first (under
 * `npm start`, the CLI and vitest alike); a compiled .js entry is imported
 * as it is.
 */
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
