/**
 * "催一下市财政局" in chat: a change, not a question. The sender is read
 * as the server knows them (a supervisor or administrator may chase);
 * the chase is claimed and audited (domain/reminders/chase-request) and its
 * cards to the unit's liaisons and the answer to the sender are returned
 * together, so the inbound processor queues them in the transaction that
 * wrote the claim and the audit record. Other questions pass through to the
 * question answerer unchanged.
 */
import { holds, loadActor, PERMISSION_HOLDERS } from '../domain/people/actor.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import { parseQuestion } from '../domain/questions/question-parser.js';
import { chaseViews } from '../domain/questions/updates-answers.js';
import type { ChaseQuestion } from '../domain/questions/updates-question.js';
import { requestChase } from '../domain/reminders/chase-request.js';
import type { IncomingMessage } from './events.js';
import { dayIn } from '../lib/dates.js';
import { renderChaseCard, renderChaseReply } from './cards/chase-cards.js';
import type { QuestionAnswerer } from './conversation.js';
import type { BotContext } from './inbound-processor.js';
import type { Outgoing } from './outgoing.js';
import { textReply } from './outgoing.js';

/** What a chase needs: the catalog, the bot's time zone and the administrators from BOT_ADMINS. */
export interface ChaseServices {
  catalog: QuestionCatalog;
  timeZone: string;
  admins: readonly string[];
}

/** Words a 催办 request has; other messages are not parsed twice. */
const CHASE_WORDS = /催|督促/;

/** Runs a 催办 request from `message`: the reply to the sender and a card to each liaison chased. */
export async function chaseOnRequest(message: IncomingMessage, question: ChaseQuestion, ctx: BotContext, services: ChaseServices): Promise<Outgoing[]> {
  const reply = (text: string) => [textReply(message.messageId, message.chatId, text)];
  const actor = await loadActor(ctx.repos, message.senderOpenId, services.admins);
  if (!holds(actor, 'supervisor')) {
    const unit = question.units[0]?.text ?? '单位名称';
    return reply(`催办只有${PERMISSION_HOLDERS.supervisor}可以发出。你可以问“${unit}哪些任务逾期了”查看它的逾期任务。`);
  }
  const unitIds = [...new Set(question.units.flatMap((mention) => mention.unitIds))];
  if (unitIds.length === 0) {
    const catalog = await services.catalog.current();
    const written = question.unknownUnit ?? question.units[0]?.text;
    const near = written ? catalog.directory.suggest(written) : [];
    return reply(
      written
        ? `没有找到名为“${written}”的单位，没有发出催办。${near.length > 0 ? `你是不是要找：${near.join('、')}？` : ''}请写单位全称或常用简称，例如“催一下市财政局”。`
        : '请说明催办哪个单位，例如“催一下市财政局”或“催一下中山市财政局”。',
    );
  }
  const catalog = await services.catalog.current();
  const today = dayIn(services.timeZone, ctx.now);
  const result = await requestChase({ actor, unitIds, catalog, repos: ctx.repos, today, now: ctx.now, eventId: message.eventId });
  if (result.refused) return reply(`催办只有${PERMISSION_HOLDERS.supervisor}可以发出。`);
  const views = chaseViews(result.units, catalog);
  const outgoing: Outgoing[] = [];
  views.forEach((view, index) => {
    if (view.outcome !== 'sent') return;
    const rendered = renderChaseCard(view);
    for (const openId of result.units[index]!.liaisons) {
      outgoing.push({ kind: 'send', receiveIdType: 'open_id', receiveId: openId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text });
    }
  });
  const answer = renderChaseReply(views);
  return [{ kind: 'reply', messageId: message.messageId, chatId: message.chatId, msgType: 'interactive', card: answer.card, fallbackText: answer.text }, ...outgoing];
}

/** The question answerer with 催办 requests taken out first and run as changes. */
export function withChaseOnRequest(answerQuestion: QuestionAnswerer, services: ChaseServices): QuestionAnswerer {
  return async (message, ctx) => {
    if (CHASE_WORDS.test(message.text)) {
      const question = parseQuestion(message.text, (await services.catalog.current()).directory);
      if (question.kind === 'chase') return chaseOnRequest(message, question, ctx, services);
    }
    return answerQuestion(message, ctx);
  };
}
