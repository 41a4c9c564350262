/**
 * One service instance in a process of its own, for benchmarks that run
 * several behind one generator (two instances in one process would share
 * one event loop, which is not what two instances are). Started with the
 * DATABASE_URL as argv[2]: starts the service as bench/load/steps.ts `ours`
 * does, stops its outbox sender, prints one JSON line { url, taskIds }, then
 * answers each line on stdin: "idle" with "idle" once its processing is
 * settled, "close" by closing and exiting.
 */
import { createInterface } from 'node:readline';
import { ours } from './steps.js';

const service = await ours(process.argv[2]!);
await service.app.lark!.sender.stop();
process.stdout.write(`${JSON.stringify({ url: service.app.url, taskIds: service.taskIds })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'idle') {
    await service.app.lark!.processor.idle();
    process.stdout.write('idle\n');
  } else if (line === 'close') break;
}
await service.close();
process.exit(0);
