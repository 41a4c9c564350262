/**
 * The local console's web side: the page at / and its assets, and the
 * calls the page makes — send a message or a file as one of the cast, press
 * a card's button or submit its form, wait for new messages, download a
 * file, run the weekly card now, turn the demonstration data (演示数据: the
 * seeds moved to this year) on or off. Messages and presses become Lark's own
 * envelopes and go through the same dispatch path as real events; the
 * bot's answers come back through the outbox and the console's Open API.
 * Only this machine may use it unless CONSOLE_ALLOW_REMOTE=1.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { z } from 'zod';
import type { InboundProcessor } from '../bot/inbound-processor.js';
import { enqueueOutgoing } from '../bot/outgoing.js';
import { ALL } from '../bot/summary-scope.js';
import { weeklyPreview } from '../bot/weekly-preview.js';
import type { Database } from '../db/database.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import { createDemoPlans, removeDemoPlans } from '../imports/demo-seeds.js';
import { BodyTooLarge, readRawBody } from '../http/raw-body.js';
import { dispatchEnvelope } from '../lark/dispatch-envelope.js';
import { botAddedEnvelope, cardActionEnvelope, messageEnvelope, type EnvelopeOrigin } from '../lark/envelopes.js';
import { dayIn } from '../lib/dates.js';
import type { Logger } from '../lib/logger.js';
import { CONSOLE_CHATS, GROUP_CHAT, castMember, type ConsoleChat, type SeatedMember } from './console-cast.js';
import { ConsoleGuard, type ConsoleAccess } from './console-guard.js';
import { CONSOLE_BOT } from './console-open-api.js';
import { ConsoleStore, type ConsoleMessage } from './console-store.js';
import { VENDOR_SCRIPTS } from './vendor-scripts.js';

/** The page's files, served as they are (plain modules, no build step). */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const ASSETS: Record<string, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'card-view.js': 'text/javascript; charset=utf-8',
  'lark-markdown.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

/** Longest a JSON call's body may be. */
const JSON_LIMIT = 256 * 1024;
/** Longest an uploaded file may be (Lark's message file limit). */
const FILE_LIMIT = 30 * 1024 * 1024;
/** How long a wait for new messages is held open. */
const LONG_POLL_MS = 25_000;

/** What the router needs. */
export interface ConsoleRouterOptions {
  store: ConsoleStore;
  cast: readonly SeatedMember[];
  processor: InboundProcessor;
  /** The bot's open_id as the dispatch path knows it (the console's, or the real app's beside it). */
  botOpenId: () => string | null;
  appId: string;
  db: Database;
  catalog: QuestionCatalog;
  timeZone: string;
  /** Who may reach it: loopback only, or other machines with the token. */
  access: ConsoleAccess;
  logger: Logger;
  /** Wakes the outbox sender after something was queued. */
  onQueued: () => void;
  /** The service's clock: "today" of the weekly card and the year the demonstration moves to. */
  clock: () => Date;
  /** Where the seed plans are, for the demonstration data. */
  seedsDir: string;
  /** A real Lark app runs beside the console: no demonstration data then. */
  besideRealApp: boolean;
}

/** A refusal the page shows as it is (Chinese, with what to do). */
class ConsoleRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SendBody = z.object({ as: z.string(), chatId: z.string(), text: z.string().max(10_000), mention: z.boolean().optional(), parentId: z.string().optional() });
const ActionBody = z.object({ as: z.string(), messageId: z.string(), value: z.record(z.string(), z.unknown()), formValue: z.record(z.string(), z.unknown()).optional() });
const WeeklyBody = z.object({ chatId: z.string() });
const DemoBody = z.object({ on: z.boolean() });

/** Why the demonstration data is refused beside a real app. */
const DEMO_REFUSED = '演示数据只能在没有配置飞书应用的本地控制台中使用：这里同时连着真实的飞书应用，演示任务可能出现在真实群聊里。请在未设置 LARK_APP_ID 的本地环境中试用。';

/** The message as the page draws it. */
function view(message: ConsoleMessage) {
  return { messageId: message.messageId, sender: message.sender, msgType: message.msgType, content: message.content, replyTo: message.replyTo, createdAt: message.createdAt, seq: message.seq };
}

/** Creates the console's router; `introduce()` posts the bot's greeting in the group once per start. */
export function createConsoleRouter(options: ConsoleRouterOptions): { router: Router; introduce(): Promise<void> } {
  const { store, processor, logger } = options;
  const origin = (): EnvelopeOrigin => ({ appId: options.appId, tenantKey: 'console' });
  const router = new Router();
  const guard = new ConsoleGuard(options.access);

  router.use(guard.middleware());
  router.use(async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof ConsoleRefusal) {
        ctx.status = error.status;
        ctx.body = { error: error.message };
        return;
      }
      if (error instanceof BodyTooLarge) {
        ctx.status = 413;
        ctx.body = { error: `内容太大：最多 ${Math.round(error.limit / 1024 / 1024) || 1} MB。` };
        return;
      }
      throw error;
    }
  });

  /** Refuses a cross-site call (no page token, a foreign Origin, the wrong content type). */
  const genuine = (ctx: Context, contentType: 'json' | 'binary') => {
    const forged = guard.forgery(ctx, contentType);
    if (forged) throw new ConsoleRefusal(forged.status, forged.message);
  };

  const json = async <T>(ctx: Context, schema: z.ZodType<T>): Promise<T> => {
    genuine(ctx, 'json');
    const raw = (await readRawBody(ctx.req, JSON_LIMIT)).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ConsoleRefusal(400, '请求不是有效的 JSON。');
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw new ConsoleRefusal(400, `请求格式不对：${result.error.issues.map((issue) => issue.path.join('.') || '内容').join('、')}。`);
    return result.data;
  };

  /** The person acting and the chat they act in; only the group or their own one-to-one chat. */
  const seat = (openId: string, chatId: string): { person: SeatedMember; chat: ConsoleChat } => {
    const person = options.cast.find((member) => member.openId === openId);
    if (!person) throw new ConsoleRefusal(400, '请先在右上角选择“我是谁”。');
    const chat = CONSOLE_CHATS.find((candidate) => candidate.chatId === chatId);
    if (!chat || (chat.chatType === 'p2p' && chat.ownerOpenId !== openId)) throw new ConsoleRefusal(400, '这个会话不属于你：请选群聊或你自己和督办助手的单聊。');
    return { person, chat };
  };

  router.post('/console/login', (ctx) => guard.signIn(ctx));

  router.get('/', async (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await readFile(`${PUBLIC_DIR}index.html`, 'utf8');
  });
  router.get('/favicon.ico', (ctx) => {
    ctx.status = 204;
  });
  router.get('/console/assets/:name', async (ctx) => {
    const vendor = VENDOR_SCRIPTS[ctx.params.name ?? ''];
    if (vendor) {
      // A pinned package's build (vchart.js, 2.4 MB): the same bytes until package.json changes.
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.set('cache-control', 'max-age=86400');
      ctx.body = await readFile(vendor);
      return;
    }
    const type = ASSETS[ctx.params.name ?? ''];
    if (!type) throw new ConsoleRefusal(404, '没有这个文件。');
    ctx.type = type;
    ctx.set('cache-control', 'no-cache');
    ctx.body = await readFile(`${PUBLIC_DIR}${ctx.params.name}`, 'utf8');
  });

  /** The demonstration data as the page shows it. */
  const demoState = async () => {
    const plans = options.besideRealApp ? [] : await options.db.repos.plans.listDemo();
    return { available: !options.besideRealApp, on: plans.length > 0, year: plans[0]?.year ?? null, plans: plans.map((plan) => ({ id: plan.id, title: plan.title })) };
  };
  /** One demonstration change at a time (two at once would import the seeds twice). */
  let demoBusy = false;

  router.get('/console/api/state', async (ctx) => {
    ctx.body = {
      demo: await demoState(),
      bot: CONSOLE_BOT,
      people: options.cast.map(({ key, openId, name, title, role, unitLabel }) => ({ key, openId, name, title, role, unitLabel })),
      chats: CONSOLE_CHATS,
      latest: store.latest,
      // The page's request token: a foreign page cannot read this answer, so it cannot send the token back.
      csrf: guard.csrfToken,
    };
  });

  router.get('/console/api/messages', async (ctx) => {
    const chatId = String(ctx.query.chatId ?? '');
    const after = Number(ctx.query.after ?? 0) || 0;
    if (!CONSOLE_CHATS.some((chat) => chat.chatId === chatId)) throw new ConsoleRefusal(400, '没有这个会话。');
    if (ctx.query.wait === '1') await store.waitForChange(after, LONG_POLL_MS);
    ctx.body = { latest: store.latest, messages: store.changedSince(chatId, after).map(view) };
  });

  router.post('/console/api/messages', async (ctx) => {
    const body = await json(ctx, SendBody);
    const { person, chat } = seat(body.as, body.chatId);
    const text = body.text.trim();
    if (text === '') throw new ConsoleRefusal(400, '消息是空的：请输入问题或命令，例如“市财政局负责什么”或“/帮助”。');
    const mention = chat.chatType === 'group' && body.mention !== false;
    const message = store.add({ chatId: chat.chatId, sender: { kind: 'user', openId: person.openId }, msgType: 'text', content: { text: mention ? `@${CONSOLE_BOT.name} ${text}` : text }, replyTo: body.parentId ?? null });
    await dispatchEnvelope(
      processor,
      messageEnvelope(origin(), {
        messageId: message.messageId,
        chatId: chat.chatId,
        chatType: chat.chatType,
        senderOpenId: person.openId,
        text,
        ...(mention ? { mention: { openId: options.botOpenId() ?? CONSOLE_BOT.openId, name: CONSOLE_BOT.name } } : {}),
        ...(body.parentId ? { parentId: body.parentId } : {}),
      }),
      options.botOpenId(),
    );
    ctx.body = { message: view(message) };
  });

  router.post('/console/api/files', async (ctx) => {
    genuine(ctx, 'binary');
    const { person, chat } = seat(String(ctx.query.as ?? ''), String(ctx.query.chatId ?? ''));
    const name = String(ctx.query.name ?? '').trim();
    if (name === '') throw new ConsoleRefusal(400, '文件没有名字：请重新选择文件。');
    const data = await readRawBody(ctx.req, FILE_LIMIT);
    if (data.length === 0) throw new ConsoleRefusal(400, `“${name}”是空文件，没有发送。`);
    const file = store.putFile(name, data);
    const message = store.add({ chatId: chat.chatId, sender: { kind: 'user', openId: person.openId }, msgType: 'file', content: { file_key: file.key, file_name: name }, replyTo: null });
    file.messageId = message.messageId;
    await dispatchEnvelope(
      processor,
      messageEnvelope(origin(), { messageId: message.messageId, chatId: chat.chatId, chatType: chat.chatType, senderOpenId: person.openId, file: { key: file.key, name } }),
      options.botOpenId(),
    );
    ctx.body = { message: view(message) };
  });

  router.get('/console/api/files/:key', (ctx) => {
    const file = store.file(ctx.params.key ?? '');
    if (!file) throw new ConsoleRefusal(404, '文件不存在（控制台重启后，之前的文件不再保留）。');
    ctx.set('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    ctx.type = 'application/octet-stream';
    ctx.body = file.data;
  });

  router.post('/console/api/actions', async (ctx) => {
    const body = await json(ctx, ActionBody);
    const message = store.get(body.messageId);
    if (!message || message.msgType !== 'interactive') throw new ConsoleRefusal(404, '这张卡片已不在了，请重新提问或打开任务。');
    seat(body.as, message.chatId);
    const answer = await dispatchEnvelope(
      processor,
      cardActionEnvelope(origin(), {
        operatorOpenId: body.as,
        messageId: message.messageId,
        chatId: message.chatId,
        value: body.value,
        ...(body.formValue ? { formValue: body.formValue } : {}),
        updateToken: store.issueUpdateToken(message.messageId),
      }),
      options.botOpenId(),
    );
    // As Lark's client does: a card in the answer replaces the pressed card for everyone in the chat.
    if (answer?.card) store.update(message.messageId, answer.card.data);
    ctx.body = { toast: answer?.toast ?? null };
  });

  router.post('/console/api/weekly', async (ctx) => {
    const { chatId } = await json(ctx, WeeklyBody);
    const chat = CONSOLE_CHATS.find((candidate) => candidate.chatId === chatId);
    if (!chat || chat.chatType !== 'group') throw new ConsoleRefusal(400, '周报发在群里：请先切到群聊。');
    const catalog = await options.catalog.current();
    const now = options.clock();
    const demo = await options.db.repos.plans.listDemo();
    await options.db.transaction(async (repos) => {
      const subscription = await repos.subscriptions.get(chat.chatId);
      const subscribed = subscription?.active ? subscription.scope : ALL;
      // With the demonstration on, the card is the demonstration's: the seeds as they would stand this year.
      const scope = demo.length > 0 ? { planIds: demo.map((plan) => plan.id), unitIds: subscribed.unitIds } : subscribed;
      const card = await weeklyPreview({ catalog, repos, scope, timeZone: options.timeZone, now, preview: false });
      await enqueueOutgoing(repos, ConsoleStore.id('om'), [{ kind: 'send', receiveIdType: 'chat_id', receiveId: chat.chatId, ...card }]);
    });
    options.onQueued();
    ctx.body = { queued: 1 };
  });

  router.post('/console/api/demo', async (ctx) => {
    const { on } = await json(ctx, DemoBody);
    if (options.besideRealApp) throw new ConsoleRefusal(403, DEMO_REFUSED);
    if (demoBusy) throw new ConsoleRefusal(409, '演示数据正在生成或删除，请稍候再试。');
    demoBusy = true;
    try {
      if (on) {
        const year = Number(dayIn(options.timeZone, options.clock()).slice(0, 4));
        const report = await createDemoPlans(options.db, options.seedsDir, year, 'console');
        logger.info({ year, plans: report.plans.length, skipped: report.skipped }, 'the console turned the demonstration data on');
      } else {
        const removed = await removeDemoPlans(options.db, 'console', 'turned off in the console');
        logger.info({ removed }, 'the console turned the demonstration data off');
      }
    } finally {
      demoBusy = false;
    }
    ctx.body = { demo: await demoState() };
  });

  return {
    router,
    async introduce() {
      if (store.hasMessages(GROUP_CHAT.chatId)) return;
      const admin = castMember('ou_console_admin');
      try {
        await dispatchEnvelope(processor, botAddedEnvelope(origin(), { chatId: GROUP_CHAT.chatId, chatName: GROUP_CHAT.name, operatorOpenId: admin?.openId ?? '' }), options.botOpenId());
      } catch (error) {
        logger.warn({ err: error }, 'the console group did not get its greeting');
      }
    },
  };
}
