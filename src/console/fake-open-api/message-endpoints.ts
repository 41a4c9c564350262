/**
 * The Open API's message and file endpoints as Lark applies them: send and
 * reply (receive_id_type, size limits, Card JSON 2.0, uuid idempotency),
 * card updates by message and by callback token, file upload and message
 * files. What is taken goes to a Mailroom; what Lark would refuse never
 * reaches it, with Lark's status, code and message.
 */
import { CARD_LIMIT_BYTES, TEXT_LIMIT_BYTES } from '../../bot/outgoing.js';
import { parseMultipart } from '../multipart.js';
import { cardRefusal, ok, refuse, type Answer, type OpenApiRequest } from './exchange.js';
import type { Mailroom } from './mailroom.js';

/** Lark's limit on an uploaded file. */
const FILE_LIMIT_BYTES = 30 * 1024 * 1024;

/** Lark's limit on a message's uuid. */
const UUID_LIMIT = 50;

/** What a layer decides about a send or reply before it is checked: refuse it, or take it and lose the answer. */
export type SendVerdict = { refuse: Answer } | { loseAnswer: () => Answer } | undefined;

/** How the endpoints behave beyond Lark's rules. */
export interface MessageEndpointOptions {
  /** The message types taken; any other is refused with 230001 (every type when omitted). */
  msgTypes?: readonly string[];
  /** Looks at each send or reply first, once its target is known (send limits, injected faults). */
  admitSend?: (target: string) => SendVerdict;
  /** Hears of each card refused for breaking Card JSON 2.0 (route as in OpenApiRequest). */
  cardRefused?: (route: string, msg: string) => void;
}

/** JSON text parsed as an object, or undefined when it is not JSON. */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The message endpoints over `mailroom`: an answer for their requests, undefined for any other. */
export function messageEndpoints(mailroom: Mailroom, options: MessageEndpointOptions = {}): (request: OpenApiRequest) => Answer | undefined {
  const byUuid = new Map<string, string>();

  /** A card refusal as Lark answers it, told to the layer that listens. */
  const refuseCard = (route: string, card: unknown, bytes?: number): Answer | undefined => {
    const refused = cardRefusal(card, bytes);
    if (!refused) return undefined;
    options.cardRefused?.(route, refused.msg);
    return { status: 400, body: refused };
  };

  const take = (request: OpenApiRequest, kind: 'send' | 'reply', target: string, replyTo: string | null): Answer => {
    const verdict = options.admitSend?.(target);
    if (verdict && 'refuse' in verdict) return verdict.refuse;
    const { body } = request;
    const msgType = String(body.msg_type ?? '');
    const raw = String(body.content ?? '');
    if (options.msgTypes && !options.msgTypes.includes(msgType)) return refuse(400, 230001, `unsupported msg_type ${msgType}`);
    const bytes = Buffer.byteLength(raw);
    if (bytes > (msgType === 'text' ? TEXT_LIMIT_BYTES : CARD_LIMIT_BYTES)) return refuse(400, 230025, 'The message content is too long.');
    const content = parseObject(raw);
    if (!content) return refuse(400, 230001, 'content is not JSON');
    const refused = msgType === 'interactive' ? refuseCard(request.route, content, bytes) : undefined;
    if (refused) return refused;
    const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
    if (uuid && uuid.length > UUID_LIMIT) return refuse(400, 230001, `uuid is longer than ${UUID_LIMIT} characters`);
    const earlier = uuid ? byUuid.get(uuid) : undefined;
    if (earlier) return ok({ message_id: earlier, chat_id: target });
    const taken = mailroom.deliver({ kind, target, replyTo, msgType, content, uuid });
    if ('refused' in taken) return refuse(400, taken.refused.code, taken.refused.msg);
    if (uuid) byUuid.set(uuid, taken.messageId);
    if (verdict && 'loseAnswer' in verdict) return verdict.loseAnswer();
    return ok({ message_id: taken.messageId, chat_id: target });
  };

  return (request) => {
    const { method, path, body } = request;
    if (method === 'POST' && path === '/open-apis/im/v1/messages') {
      const receiveIdType = request.query.get('receive_id_type');
      if (!receiveIdType) return refuse(400, 99992402, 'field validation failed: receive_id_type');
      const target = mailroom.sendTarget(receiveIdType, String(body.receive_id ?? ''));
      return target ? take(request, 'send', target, null) : refuse(400, 230013, 'Bot has NO availability to this user or chat.');
    }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
    if (method === 'POST' && reply) {
      const parent = decodeURIComponent(reply[1]!);
      const target = mailroom.replyTarget(parent);
      return target ? take(request, 'reply', target, parent) : refuse(400, 230011, 'The message was withdrawn or does not exist.');
    }
    const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patch) {
      const content = String(body.content ?? '');
      const bytes = Buffer.byteLength(content);
      if (bytes > CARD_LIMIT_BYTES) return refuse(400, 230025, 'The message content is too long.');
      const card = parseObject(content);
      if (!card) return refuse(400, 230001, 'content is not JSON');
      const refused = refuseCard(request.route, card, bytes);
      if (refused) return refused;
      return mailroom.update(decodeURIComponent(patch[1]!), card, content) ? ok() : refuse(400, 230011, 'The message does not exist.');
    }
    if (method === 'POST' && path === '/open-apis/interactive/v1/card/update') {
      const refused = refuseCard(request.route, body.card);
      if (refused) return refused;
      if (!mailroom.updateByToken(String(body.token ?? ''), body.card)) return refuse(400, 200830, 'token is invalid or has been used up');
      return { status: 200, body: { code: 0, msg: 'ok' } };
    }
    if (method === 'POST' && path === '/open-apis/im/v1/files') {
      // Multipart, as the SDK sends it: file_type, file_name and the file (a part without a filename).
      const form = parseMultipart(request.raw, request.contentType);
      const data = form.get('file');
      if (!data || data.length === 0) return refuse(400, 234010, 'file is empty');
      if (data.length > FILE_LIMIT_BYTES) return refuse(400, 234006, 'file size exceeds the limit');
      return ok({ file_key: mailroom.putFile(form.get('file_name')?.toString('utf8'), form.get('file_type')?.toString('utf8'), data) });
    }
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (method === 'GET' && resource) {
      const file = mailroom.messageFile(decodeURIComponent(resource[1]!), decodeURIComponent(resource[2]!));
      return file ? { status: 200, file } : refuse(400, 234003, 'File not in msg.');
    }
    return undefined;
  };
}
