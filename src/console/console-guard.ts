/**
 * Who may use the local console, checked before any of its routes. The
 * console acts as an administrator, so:
 * - without CONSOLE_TOKEN it answers only this machine, asked by a loopback
 *   name (localhost, 127.0.0.1, [::1]) — a DNS-rebound page arrives with its
 *   own host name — and never a request a proxy forwarded (X-Forwarded-For,
 *   Forwarded, X-Real-IP: behind a proxy every request comes from 127.0.0.1);
 * - with CONSOLE_TOKEN (required by CONSOLE_ALLOW_REMOTE=1) every visitor
 *   gives the token once, and carries a cookie made from it (HttpOnly,
 *   SameSite=Strict; the token itself is never stored in the browser);
 * - a call that changes anything is a POST with the page's own request token
 *   in a header and, when the browser sends one, an Origin of the console's
 *   own: a foreign page's form or fetch has neither.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sameText } from '../lib/same-text.js';
import type { Context, Next } from 'koa';
import { readRawBody } from '../http/raw-body.js';

/** The header the page sends its request token in. */
export const CSRF_HEADER = 'x-console-csrf';
/** The cookie a visitor who gave CONSOLE_TOKEN carries. */
export const TOKEN_COOKIE = 'duban_console';

/** How the console is reached. */
export interface ConsoleAccess {
  /** Other machines may connect (CONSOLE_ALLOW_REMOTE=1). */
  allowRemote: boolean;
  /** Asked of every visitor when set (CONSOLE_TOKEN). */
  token?: string;
}

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDED_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/** Whether a Host header names this machine's loopback (any port). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** What the cookie holds: a digest of the token, so the token is never written to a browser. */
function cookieValue(token: string): string {
  return createHash('sha256').update(`duban-console:${token}`).digest('hex');
}

/** Why a request was refused, in words for the person (and the status). */
export interface Refusal {
  status: number;
  message: string;
}

/** The console's gatekeeper: one per running console, with its own request token. */
export class ConsoleGuard {
  /** The page's request token: random per start, given to the page by /console/api/state. */
  readonly csrfToken = randomBytes(24).toString('hex');

  constructor(private readonly access: ConsoleAccess) {}

  /** Whether this visitor has given the token (always true when none is set). */
  signedIn(ctx: Context): boolean {
    if (!this.access.token) return true;
    const cookie = ctx.cookies.get(TOKEN_COOKIE);
    return cookie !== undefined && sameText(cookie, cookieValue(this.access.token));
  }

  /** Why this request may not reach the console at all, or undefined. */
  refusal(ctx: Context): Refusal | undefined {
    const socketLoopback = LOOPBACK_ADDRESS.test(ctx.req.socket.remoteAddress ?? '');
    if (!this.access.allowRemote && !socketLoopback) return { status: 403, message: '本地控制台只接受本机访问（设置 CONSOLE_ALLOW_REMOTE=1 和 CONSOLE_TOKEN 可放开）。' };
    if (!this.access.token) {
      if (FORWARDED_HEADERS.some((name) => ctx.get(name) !== '')) {
        return { status: 403, message: '本地控制台经反向代理访问时必须设置 CONSOLE_TOKEN（访问令牌），否则任何人都能经代理以管理员身份操作。' };
      }
      if (!isLoopbackHost(ctx.get('host'))) return { status: 403, message: '本地控制台只接受以 localhost 或 127.0.0.1 打开的页面。' };
    }
    return undefined;
  }

  /** Why a call that changes something is refused (a cross-site request), or undefined. */
  forgery(ctx: Context, contentType: 'json' | 'binary'): Refusal | undefined {
    // A browser names the page a request comes from; a foreign page (or a sandboxed one, 'null') is not ours.
    const origin = ctx.get('origin');
    if (origin !== '') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== ctx.get('host')) return { status: 403, message: '拒绝来自其他网站的请求。' };
    }
    const sent = ctx.get(CSRF_HEADER);
    if (sent === '' || !sameText(sent, this.csrfToken)) return { status: 403, message: '请求缺少控制台页面的校验信息：请刷新页面后再试。' };
    const type = ctx.request.type;
    if (contentType === 'json' && type !== 'application/json') return { status: 415, message: '请求必须是 JSON（Content-Type: application/json）。' };
    if (contentType === 'binary' && type !== 'application/octet-stream') return { status: 415, message: '文件请以 application/octet-stream 发送。' };
    return undefined;
  }

  /** The sign-in form's answer: sets the cookie and goes to the page, or shows the form again. */
  async signIn(ctx: Context): Promise<void> {
    const body = (await readRawBody(ctx.req, 4 * 1024)).toString('utf8');
    const given = new URLSearchParams(body).get('token') ?? '';
    if (!this.access.token || !sameText(given, this.access.token)) {
      ctx.status = 401;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = signInPage('访问令牌不对，请重新输入。');
      return;
    }
    ctx.cookies.set(TOKEN_COOKIE, cookieValue(this.access.token), { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.secure, overwrite: true });
    ctx.redirect('/');
    ctx.status = 303;
  }

  /** Koa middleware: refuses what may not reach the console; shows the sign-in form to a visitor without the cookie. */
  middleware() {
    return async (ctx: Context, next: Next) => {
      const refused = this.refusal(ctx);
      if (refused) {
        ctx.status = refused.status;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = refused.message;
        return;
      }
      if (ctx.method === 'POST' && ctx.path === '/console/login') return next();
      if (!this.signedIn(ctx)) {
        ctx.status = 401;
        if (ctx.path === '/') {
          ctx.type = 'text/html; charset=utf-8';
          ctx.body = signInPage();
        } else {
          ctx.body = { error: '请先在控制台页面输入访问令牌（CONSOLE_TOKEN）。' };
        }
        return;
      }
      await next();
    };
  }
}

/** The sign-in form (no script, nothing loaded from elsewhere). */
function signInPage(error?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>督办助手 · 本地控制台</title></head>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.25rem">督办助手 · 本地控制台</h1>
<p>这个控制台设置了访问令牌。请输入服务配置中的 <code>CONSOLE_TOKEN</code>。</p>
${error ? `<p role="alert" style="color:#b42318">${error}</p>` : ''}
<form method="post" action="/console/login"><input type="password" name="token" autocomplete="current-password" required style="width:100%;padding:.5rem" aria-label="访问令牌"><p><button type="submit">进入</button></p></form>
</body></html>`;
}
