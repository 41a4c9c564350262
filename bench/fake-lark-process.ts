/**
 * The fake Open API in a process of its own, for benchmarks whose services
 * must not share an event loop with it: Lark is another machine, and a fake
 * in the senders' process reads requests late, together, whenever their
 * work holds the loop (its limit windows then see bursts nobody sent). The
 * parent asks over IPC: 'state' (deliveries and faults), 'close'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeLark, type SendLimits } from '../test/support/fake-lark.js';

/** What the fake process reports. */
export interface FakeState {
  /** Targets of the deliveries, in order, with the uuid repeats not counted. */
  targets: string[];
  faults: { rateLimited: number; serverErrors: number; lostResponses: number };
}

/** A fake Open API running in a child process. */
export interface FakeProcess {
  url: string;
  state(): Promise<FakeState>;
  close(): Promise<void>;
}

type Request = { kind: 'state' } | { kind: 'close' };

/** Starts the fake in a child process with these credentials and limits. */
export async function startFakeProcess(appId: string, appSecret: string, limits: SendLimits): Promise<FakeProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify({ appId, appSecret, limits })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`fake process exited (${code})`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message);
      });
    });
  const { url } = (await next()) as { url: string };
  return {
    url,
    async state() {
      const answer = next();
      child.send({ kind: 'state' } satisfies Request);
      return (await answer) as FakeState;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ kind: 'close' } satisfies Request);
      await exited;
    },
  };
}

if (process.send && process.argv[2]) {
  const { appId, appSecret, limits } = JSON.parse(process.argv[2]) as { appId: string; appSecret: string; limits: SendLimits };
  const fake = await startFakeLark({ appId, appSecret });
  fake.enforceLimits(limits);
  process.on('message', async (request: Request) => {
    if (request.kind === 'state') process.send!({ targets: fake.deliveries.map((delivery) => delivery.target), faults: { ...fake.faults } } satisfies FakeState);
    if (request.kind === 'close') {
      await fake.close();
      process.exit(0);
    }
  });
  process.send({ url: fake.url });
}
