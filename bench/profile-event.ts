/**
 * CPU per event (issue 21, item 1): the service's own CPU time and SQL
 * statements for one question, one slash command and one card callback,
 * each kind sent one at a time through the signed, encrypted webhook, and
 * where that time goes. Starts the service as bench/bench-service.ts does,
 * on SQLite (BENCH_POSTGRES_URL adds PostgreSQL), with the outbox sender
 * stopped (sending is not part of an event's processing). For each kind:
 * PROFILE_N events (default 400) measured with process.cpuUsage, the
 * requests built beforehand and posted by a process of their own, so that
 * building, encrypting, signing and sending them is not counted; then the
 * same number again under the inspector's sampling profiler, whose
 * profile is written to tmp/prof/<provider>-<kind>.cpuprofile and
 * summarised by bench/cpuprofile-summary.ts. PROFILE_SQL=1 prints the
 * statements of one event of each kind.
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { createInterface } from 'node:readline';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardActionEvent, messageEvent, signedRequest } from '../test/support/lark-events.js';
import { BENCH_SECRETS, startBenchService } from './bench-service.js';
import { freshDatabases } from './bench-databases.js';
import { summariseProfile, type Profile } from './cpuprofile-summary.js';
import { statementsSent, watchStatements } from '../src/db/statement-count.js';

const ADMIN = 'ou_benchadmin';
const N = Number(process.env.PROFILE_N ?? 400);
const WARM = Number(process.env.PROFILE_WARM ?? 60);
const QUESTIONS = ['市财政局负责什么', '哪些任务逾期了', 'PPP项目谁负责', '这个月到期的任务', '人社局今年要干什么', '扶贫相关的任务有哪些', '有哪些分工方案', '预决算公开由哪个部门牵头', '发改局负责哪些', '进度不到一半的'];
type Kind = 'question' | 'command' | 'callback';
const KINDS: Kind[] = ['question', 'command', 'callback'];

let serial = 0;
/** The i-th event of a kind, as fire.ts mixes them (200 chats, 500 people). */
function eventOf(kind: Kind, i: number, taskIds: number[]) {
  const n = serial++;
  const chatId = `oc_load_${n % 200}`;
  const person = `ou_load_${n % 500}`;
  const taskId = taskIds[i % taskIds.length]!;
  if (kind === 'question') return messageEvent(BENCH_SECRETS, { text: QUESTIONS[i % QUESTIONS.length]!, chatId, senderOpenId: person });
  if (kind === 'command') return messageEvent(BENCH_SECRETS, { text: i % 2 === 0 ? `/任务 #${taskId}` : '/我的', chatId, senderOpenId: person });
  return cardActionEvent(BENCH_SECRETS, { value: i % 2 === 0 ? { action: 'task_card', taskId, view: 'summary' } : { action: 'task_detail', taskId }, chatId, operatorOpenId: person, messageId: `om_load_card_${n % 50}` });
}

const databases = freshDatabases('profile');
const providers = process.env.BENCH_PROVIDERS?.split(',').map((name) => name.trim().toLowerCase());
const rows: string[] = [];
const pipeRows: string[] = [];
mkdirSync('tmp/prof', { recursive: true });
const folder = mkdtempSync(join(tmpdir(), 'duban-profile-'));
for (const database of databases.filter((candidate) => !providers || providers.includes(candidate.provider.toLowerCase()))) {
  const service = await startBenchService(await database.url(), { BOT_ADMINS: ADMIN });
  const { app } = service;
  try {
    await app.lark!.sender.stop();
    const plans = await app.db.repos.plans.list();
    const taskIds = (await Promise.all(plans.map((plan) => app.db.repos.tasks.listByPlan(plan.id)))).flat().map((task) => task.id);
    /**
     * Sends `count` events of a kind one at a time, each processed before the
     * next. The HTTP client is a process of its own (its CPU is not the
     * service's), given the requests in a file; the first request is not
     * counted (the client starting).
     */
    const run = async (kind: Kind, count: number, watch?: (sql: string) => void) => {
      const file = join(folder, `requests-${serial}.json`);
      writeFileSync(file, JSON.stringify({ url: `${app.url}/lark/events`, requests: Array.from({ length: count + 1 }, (_, i) => signedRequest(eventOf(kind, i, taskIds), BENCH_SECRETS.encryptKey)) }));
      const poster = spawn(process.execPath, ['--import', 'tsx', 'bench/load/poster.ts', file], { stdio: ['pipe', 'pipe', 'inherit'] });
      const answers = createInterface({ input: poster.stdout! })[Symbol.asyncIterator]();
      const post = async () => {
        poster.stdin!.write('\n');
        const status = (await answers.next()).value as string;
        if (status !== '200') throw new Error(`webhook answered ${status}`);
        if (kind !== 'callback') await app.lark!.processor.idle();
      };
      await post();
      const stopWatching = watch ? watchStatements(watch) : undefined;
      const cpu = process.cpuUsage();
      const statements = statementsSent();
      const started = performance.now();
      for (let i = 0; i < count; i++) await post();
      const used = process.cpuUsage(cpu);
      stopWatching?.();
      poster.stdin!.end();
      return { cpuMs: (used.user + used.system) / 1000 / count, statements: (statementsSent() - statements) / count, wallMs: (performance.now() - started) / count };
    };
    /**
     * The bench's own share of each figure: telling the poster to send and
     * reading its answer (a line each way over pipes) is CPU of this process,
     * counted with the service's. Measured alone with a child that only
     * echoes, so the service's own CPU is the figure less this.
     */
    const pipeCost = async (count: number) => {
      const echo = spawn(process.execPath, ['-e', "require('node:readline').createInterface({ input: process.stdin }).on('line', () => process.stdout.write('200\\n'))"], { stdio: ['pipe', 'pipe', 'inherit'] });
      const lines = createInterface({ input: echo.stdout! })[Symbol.asyncIterator]();
      const roundTrip = async () => {
        echo.stdin!.write('\n');
        await lines.next();
      };
      for (let i = 0; i < 50; i++) await roundTrip();
      const cpu = process.cpuUsage();
      for (let i = 0; i < count; i++) await roundTrip();
      const used = process.cpuUsage(cpu);
      echo.stdin!.end();
      return (used.user + used.system) / 1000 / count;
    };
    // Warm-up: every path compiled, the question index built.
    for (const kind of KINDS) await run(kind, WARM);
    if (process.env.PROFILE_SQL) {
      for (const kind of KINDS) {
        const seen: string[] = [];
        await run(kind, 1, (sql) => seen.push(sql.replace(/\s+/g, ' ').trim().slice(0, 160)));
        console.log(`\n${database.provider} ${kind}: ${seen.length} statements\n${seen.map((sql) => `  ${sql}`).join('\n')}`);
      }
    }
    const pipeMs = await pipeCost(N);
    pipeRows.push(`${database.provider}: ${pipeMs.toFixed(2)} ms`);
    for (const kind of KINDS) {
      const measured = await run(kind, N);
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      await run(kind, N);
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      session.disconnect();
      const file = `tmp/prof/${database.provider.toLowerCase()}-${kind}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      const row = `| ${database.provider} | ${kind} | ${measured.cpuMs.toFixed(2)} ms | ${measured.statements.toFixed(1)} | ${measured.wallMs.toFixed(2)} ms | ${Math.round(1000 / measured.cpuMs)} |`;
      rows.push(row);
      console.log(`\n${row}\n${summariseProfile(profile, N, 14)}`);
    }
  } finally {
    await service.close();
  }
}
await Promise.all(databases.map((database) => database.cleanup()));
rmSync(folder, { recursive: true, force: true });
console.log(`\nOne at a time, ${N} of each kind after ${WARM} of each to warm up (PROFILE_WARM; a long-running service is past its warm-up); CPU = the service's process (requests built before and posted from another process); of each figure, the bench's own pipe to its poster (a line each way, measured alone): ${pipeRows.join(', ')}\n`);
console.log('| database | event | CPU per event | statements per event | wall per event | events/s one core keeps up with |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
