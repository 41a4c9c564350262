// @ts-check
/**
 * The console page: choose who you are and which chat, send messages and
 * files, press the bot's card buttons, and see its answers as they arrive
 * (a held-open request returns as soon as anything in the chat changes).
 */
import { renderCard } from './card-view.js';
import { renderTextMessage } from './lark-markdown.js';

/** @typedef {Record<string, any>} Json */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  /** @type {Json[]} */ people: [],
  /** @type {Json[]} */ chats: [],
  /** @type {Json} */ bot: {},
  me: '',
  /** The console's request token, sent with every call that changes something. */
  csrf: '',
  chatId: 'oc_console_group',
  after: 0,
  /** Bumped on every chat switch, so an old wait does not draw into the new chat. */
  generation: 0,
  /** The demonstration data (the seeds moved to this year): whether it may be used here, and whether it is on. */
  /** @type {Json} */ demo: { available: false, on: false },
};

/** @param {string} openId */
const nameOf = (openId) => {
  if (openId === state.bot.openId) return state.bot.name;
  return state.people.find((person) => person.openId === openId)?.name ?? openId;
};

/** @param {string} text */
function toast(text) {
  const node = $('toast');
  node.textContent = text;
  node.hidden = false;
  clearTimeout(Number(node.dataset.timer));
  node.dataset.timer = String(setTimeout(() => (node.hidden = true), 4000));
}

/**
 * @param {string} path
 * @param {Json | undefined} body
 * @returns {Promise<Json>}
 */
async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-csrf': state.csrf }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({ error: `出错了（${response.status}）` }));
  if (!response.ok) throw new Error(answer.error ?? `出错了（${response.status}）`);
  return answer;
}

/** The chats the chosen person sees: the group and their own one-to-one chat. */
const visibleChats = () => state.chats.filter((chat) => chat.chatType === 'group' || chat.ownerOpenId === state.me);

function drawChatList() {
  const list = $('chat-list');
  list.replaceChildren();
  for (const chat of visibleChats()) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = `chat-item${chat.chatId === state.chatId ? ' active' : ''}`;
    item.dataset.chatId = chat.chatId;
    item.textContent = chat.chatType === 'group' ? `👥 ${chat.name}` : `🤖 与${state.bot.name}单聊`;
    item.addEventListener('click', () => openChat(chat.chatId));
    list.append(item);
  }
  const chat = state.chats.find((candidate) => candidate.chatId === state.chatId);
  const group = chat?.chatType === 'group';
  $('chat-title').textContent = group ? chat?.name : state.bot.name;
  $('chat-subtitle').textContent = group ? `${state.people.length} 位成员和${state.bot.name}` : '单聊：不用 @，直接提问或发命令';
  $('mention-label').hidden = !group;
  /** @type {HTMLButtonElement} */ ($('run-weekly')).disabled = !group;
}

/**
 * One message's bubble.
 * @param {Json} message
 */
function drawMessage(message) {
  const fromBot = message.sender.kind === 'bot';
  const row = document.createElement('div');
  row.className = `message ${fromBot ? 'from-bot' : 'from-user'}${!fromBot && message.sender.openId === state.me ? ' mine' : ''}`;
  row.dataset.messageId = message.messageId;
  const who = document.createElement('div');
  who.className = 'sender';
  who.textContent = `${fromBot ? state.bot.name : nameOf(message.sender.openId)} · ${new Date(message.createdAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}`;
  row.append(who);
  const bubble = document.createElement('div');
  bubble.className = `bubble bubble-${message.msgType}`;
  if (message.msgType === 'interactive') {
    bubble.append(renderCard(message.content, { nameOf, toast, onAction: (value, formValue) => press(message.messageId, value, formValue) }));
  } else if (message.msgType === 'file') {
    const link = document.createElement('a');
    link.href = `/console/api/files/${encodeURIComponent(message.content.file_key)}`;
    link.className = 'file';
    link.download = message.content.file_name ?? '';
    link.textContent = `📄 ${message.content.file_name ?? '文件'}`;
    bubble.append(link);
  } else {
    bubble.innerHTML = renderTextMessage(String(message.content.text ?? ''), nameOf);
  }
  row.append(bubble);
  return row;
}

/** @param {Json[]} messages */
function drawMessages(messages) {
  const pane = $('messages');
  const atBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 80;
  for (const message of messages) {
    const node = drawMessage(message);
    const existing = pane.querySelector(`[data-message-id="${CSS.escape(message.messageId)}"]`);
    if (existing) existing.replaceWith(node);
    else pane.append(node);
  }
  if (atBottom || messages.some((message) => message.sender.openId === state.me)) pane.scrollTop = pane.scrollHeight;
}

/** Waits for changes in the open chat, for as long as it stays open. */
async function follow() {
  const generation = state.generation;
  while (generation === state.generation) {
    try {
      const answer = await call(`/console/api/messages?chatId=${encodeURIComponent(state.chatId)}&after=${state.after}&wait=1`, undefined);
      if (generation !== state.generation) return;
      state.after = answer.latest;
      drawMessages(answer.messages);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** @param {string} chatId */
function openChat(chatId) {
  state.chatId = chatId;
  state.after = 0;
  state.generation++;
  $('messages').replaceChildren();
  drawChatList();
  void follow();
}

/**
 * A card button or form submission.
 * @param {string} messageId
 * @param {Json} value
 * @param {Json} [formValue]
 */
async function press(messageId, value, formValue) {
  try {
    const answer = await call('/console/api/actions', { as: state.me, messageId, value, ...(formValue ? { formValue } : {}) });
    if (answer.toast?.content) toast(answer.toast.content);
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error));
  }
}

async function send() {
  const box = /** @type {HTMLTextAreaElement} */ ($('text'));
  const text = box.value.trim();
  if (!text) return;
  box.value = '';
  try {
    await call('/console/api/messages', { as: state.me, chatId: state.chatId, text, mention: /** @type {HTMLInputElement} */ ($('mention')).checked });
  } catch (error) {
    box.value = text;
    toast(error instanceof Error ? error.message : String(error));
  }
}

/** @param {File} file */
async function sendFile(file) {
  const query = new URLSearchParams({ as: state.me, chatId: state.chatId, name: file.name });
  const response = await fetch(`/console/api/files?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-console-csrf': state.csrf }, body: file });
  if (!response.ok) toast((await response.json().catch(() => ({}))).error ?? '文件没有发出去');
}

/** The demonstration switch as the state says (hidden beside a real Lark app, where it is refused). */
function drawDemo() {
  const button = /** @type {HTMLButtonElement} */ ($('demo'));
  button.hidden = !state.demo.available;
  button.setAttribute('aria-pressed', String(state.demo.on));
  button.textContent = state.demo.on ? `演示数据：开（${state.demo.year}年）` : '演示数据：关';
}

/** Turns the demonstration data on (the seeds again, moved to this year) or off (deleted). */
async function toggleDemo() {
  const button = /** @type {HTMLButtonElement} */ ($('demo'));
  const on = !state.demo.on;
  button.disabled = true;
  toast(on ? '正在生成演示数据（种子方案移到今年）…' : '正在删除演示数据…');
  try {
    state.demo = (await call('/console/api/demo', { on })).demo;
    toast(on ? `演示数据已开启：${state.demo.plans.length} 个演示方案，日期已移到 ${state.demo.year} 年；卡片标注“演示数据”` : '演示数据已删除');
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error));
  } finally {
    button.disabled = false;
    drawDemo();
  }
}

async function start() {
  const initial = await call('/console/api/state', undefined);
  Object.assign(state, { people: initial.people, chats: initial.chats, bot: initial.bot, csrf: initial.csrf, demo: initial.demo });
  drawDemo();
  $('demo').addEventListener('click', () => void toggleDemo());
  const chooser = /** @type {HTMLSelectElement} */ ($('person'));
  for (const person of state.people) {
    const option = document.createElement('option');
    option.value = person.openId;
    option.textContent = `${person.name}（${person.unitLabel ? `${person.unitLabel} 联络员` : person.title}）`;
    chooser.append(option);
  }
  state.me = localStorage.getItem('duban-console-me') ?? state.people[0]?.openId ?? '';
  if (!state.people.some((person) => person.openId === state.me)) state.me = state.people[0]?.openId ?? '';
  chooser.value = state.me;
  chooser.addEventListener('change', () => {
    state.me = chooser.value;
    localStorage.setItem('duban-console-me', state.me);
    if (!visibleChats().some((chat) => chat.chatId === state.chatId)) openChat('oc_console_group');
    else drawChatList();
  });
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  $('text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  });
  const fileInput = /** @type {HTMLInputElement} */ ($('file'));
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void sendFile(file);
    fileInput.value = '';
  });
  $('run-weekly').addEventListener('click', async () => {
    try {
      await call('/console/api/weekly', { chatId: state.chatId });
      toast('周报已生成，正在发送到群里');
    } catch (error) {
      toast(error instanceof Error ? error.message : String(error));
    }
  });
  openChat('oc_console_group');
}

void start();
