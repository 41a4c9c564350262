/**
 * The real service as its own process, started as `npm start` starts it
 * (`node scripts/start.mjs`: the compiled dist/), for tests that kill it
 * with SIGKILL at a moment of their choosing and start it again on the same
 * database. Compiled, a start takes about half the time it took through tsx.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds dist/ if it is missing or older than the sources (`npm run build`),
 * once before the first start, so no start builds and no kill lands in a build.
 */
export async function buildService(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: ROOT });
}

/** A running service process. */
export interface ChildService {
  child: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output: string[];
  /** Resolves with the base URL once it listens (rejects if it exits first). */
  listening: Promise<string>;
  /** SIGKILL: no shutdown, no flushing; resolves once it is gone. */
  kill(): Promise<void>;
}

/** Starts the service with `env` added to this process's environment. */
export function spawnService(env: NodeJS.ProcessEnv): ChildService {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const url = /duban is listening on (http:\/\/[\d.:]+)/.exec(output.join(''))?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then(() => reject(new Error(`the service exited before listening:\n${output.join('').slice(-2000)}`)));
  });
  listening.catch(() => undefined);
  return {
    child,
    output,
    listening,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
