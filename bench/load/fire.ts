/**
 * The load generator of bench/webhook-load.ts, in a process of its own so
 * that it does not share the service's event loop: autocannon against
 * /lark/events at a fixed overall rate, every request a new signed and
 * encrypted event from a realistic mix (questions 60%, slash commands 20%,
 * card callbacks 20%). Reads its settings as JSON from argv[2]; prints
 * autocannon's result as JSON.
 */
import autocannon from 'autocannon';
import { cardActionEvent, messageEvent, signedRequest, type ConsoleSecrets } from '../../test/support/lark-events.js';

interface FireSettings {
  url: string;
  secrets: ConsoleSecrets;
  rate: number;
  seconds: number;
  connections: number;
  taskIds: number[];
  admin: string;
  /** 'mixed' (the default), or only 'messages' or only 'cards'. */
  mix?: 'mixed' | 'messages' | 'cards';
}

const settings = JSON.parse(process.argv[2]!) as FireSettings;
const QUESTIONS = ['市财政局负责什么', '哪些任务逾期了', 'PPP项目谁负责', '这个月到期的任务', '人社局今年要干什么', '扶贫相关的任务有哪些', '有哪些分工方案', '预决算公开由哪个部门牵头', '发改局负责哪些', '进度不到一半的'];
let n = 0;

/** The next request's body and headers. */
function next(): { body: string; headers: Record<string, string> } {
  const i = n++;
  const taskId = settings.taskIds[i % settings.taskIds.length]!;
  const chatId = `oc_load_${i % 200}`;
  const kind = settings.mix === 'messages' ? i % 8 : settings.mix === 'cards' ? 8 + (i % 2) : i % 10;
  const event =
    kind < 6
      ? messageEvent(settings.secrets, { text: QUESTIONS[i % QUESTIONS.length]!, chatId, senderOpenId: `ou_load_${i % 500}` })
      : kind < 8
        ? messageEvent(settings.secrets, { text: kind === 6 ? `/任务 #${taskId}` : '/我的', chatId, senderOpenId: `ou_load_${i % 500}` })
        : cardActionEvent(settings.secrets, { value: kind === 8 ? { action: 'task_card', taskId, view: 'summary' } : { action: 'task_detail', taskId }, chatId, operatorOpenId: `ou_load_${i % 500}`, messageId: `om_load_card_${i % 50}` });
  return signedRequest(event, settings.secrets.encryptKey);
}

const result = await autocannon({
  url: settings.url,
  connections: settings.connections,
  overallRate: settings.rate,
  duration: settings.seconds,
  requests: [
    {
      method: 'POST',
      path: '/lark/events',
      setupRequest: (request) => ({ ...request, ...next() }),
    },
  ],
});
process.stdout.write(JSON.stringify({ requests: result.requests, latency: result.latency, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, sent: n }));
