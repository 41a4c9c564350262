/**
 * CPU of a question's own parts, each measured alone over many questions
 * (issue 21, item 1): parsing, answering (the index search, the items and
 * their latest reports), drawing the card, and serialising it for the
 * outbox — the bench's ten questions on the seeded SQLite database, in a
 * tight loop, so what the code costs shows through a shared machine's noise
 * better than bench/profile-event.ts's whole events do (a hot loop keeps
 * caches warm: the service pays more per event, the differences go the same
 * way). QUESTION_PARTS_N questions a round (default 3000), three rounds; the
 * last is printed.
 */
import { startBenchService } from './bench-service.js';
import { freshDatabases } from './bench-databases.js';
import { parseQuestion } from '../src/domain/questions/question-parser.js';
import { answer } from '../src/domain/questions/answer-service.js';
import { renderAnswer } from '../src/bot/cards/answer-cards.js';
import { enqueueOutgoing } from '../src/bot/outgoing.js';
import { dayIn } from '../src/lib/dates.js';
import type { Repositories } from '../src/repositories/index.js';

const QUESTIONS = ['市财政局负责什么', '哪些任务逾期了', 'PPP项目谁负责', '这个月到期的任务', '人社局今年要干什么', '扶贫相关的任务有哪些', '有哪些分工方案', '预决算公开由哪个部门牵头', '发改局负责哪些', '进度不到一半的'];
const N = Number(process.env.QUESTION_PARTS_N ?? 3000);

const [database] = freshDatabases('question-parts').filter((candidate) => candidate.provider === 'SQLite');
const service = await startBenchService(await database!.url());
try {
  await service.app.lark!.sender.stop();
  const catalog = await service.app.catalog.current();
  const repos = service.app.db.repos;
  const today = dayIn('Asia/Shanghai');
  // The asker's units are never asked for by these questions.
  const asker = { unitIds: [] as readonly number[] };
  // The outbox row is serialised as queued; only its insert is left out (a statement, measured by profile-event.ts).
  const outbox = { ...repos, outbox: { enqueue: async () => ({ id: 0 }) } } as unknown as Repositories;
  const cpu = () => {
    const used = process.cpuUsage();
    return used.user + used.system;
  };
  for (let round = 1; round <= 3; round++) {
    const spent = { parse: 0, answer: 0, card: 0, outbox: 0 };
    for (let i = 0; i < N; i++) {
      let at = cpu();
      const question = parseQuestion(QUESTIONS[i % QUESTIONS.length]!, catalog.directory, asker);
      spent.parse += cpu() - at;
      if (question.kind === 'follow_up') throw new Error('the bench questions are not follow-ups');
      at = cpu();
      const result = await answer(question, catalog, repos, today);
      spent.answer += cpu() - at;
      at = cpu();
      const rendered = renderAnswer(result);
      spent.card += cpu() - at;
      at = cpu();
      await enqueueOutgoing(outbox, `question-parts-${i}`, [{ kind: 'reply', messageId: 'om_parts', chatId: 'oc_parts', msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }]);
      spent.outbox += cpu() - at;
    }
    if (round === 3) {
      const each = (µs: number) => `${(µs / N).toFixed(1)} µs`;
      console.log(`per question (${N}, CPU of the process): parse ${each(spent.parse)}, answer ${each(spent.answer)}, card ${each(spent.card)}, outbox row ${each(spent.outbox)}; together ${each(spent.parse + spent.answer + spent.card + spent.outbox)}`);
    }
  }
} finally {
  await service.close();
  await database!.cleanup();
}
