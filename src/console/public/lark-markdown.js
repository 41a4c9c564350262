// @ts-check
/**
 * Lark's card markdown, drawn as HTML the way the Feishu client shows it:
 * **bold**, *italic*, ~~strike~~, `code`, [links](url), <font color>,
 * <at id=…>, <br>, lists, headings and line breaks. Everything else is
 * text: the input is escaped first and only these forms are turned back
 * into markup, so nothing in a task's text can become HTML.
 */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/** Colours Lark's <font color> accepts, as CSS. */
const COLORS = /** @type {Record<string, string>} */ ({
  grey: '#8f959e', gray: '#8f959e', red: '#f54a45', green: '#34c724', blue: '#3370ff', orange: '#ff8800', yellow: '#ffc60a',
  purple: '#7f3bf5', violet: '#7f3bf5', carmine: '#e22e6a', turquoise: '#14c0ff', wathet: '#4cb0ff', indigo: '#4954e6',
});

/**
 * One line's inline markup, on already-escaped text.
 * @param {string} line
 * @param {(openId: string) => string} nameOf
 */
function inline(line, nameOf) {
  return line
    .replace(/&lt;at (?:id|user_id)=(?:&quot;|&#39;)?([\w-]+)(?:&quot;|&#39;)?&gt;&lt;\/at&gt;/g, (_, id) => `<span class="at">@${escapeHtml(id === 'all' ? '所有人' : nameOf(id))}</span>`)
    .replace(/&lt;font color=(?:&#39;|&quot;)?(\w+)(?:&#39;|&quot;)?&gt;([\s\S]*?)&lt;\/font&gt;/g, (_, color, body) => `<span style="color:${COLORS[color] ?? 'inherit'}">${body}</span>`)
    .replace(/&lt;br\s*\/?&gt;/g, '<br>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/~~([^~]+)~~/g, '<del>$1</del>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

/**
 * Markdown to HTML.
 * @param {string} source
 * @param {(openId: string) => string} [nameOf] a mentioned person's name
 * @returns {string}
 */
export function renderLarkMarkdown(source, nameOf = (id) => id) {
  const lines = escapeHtml(String(source ?? '')).split('\n');
  /** @type {string[]} */
  const out = [];
  /** @type {'ul' | 'ol' | null} */
  let list = null;
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of lines) {
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*\d+\. (.*)$/.exec(line);
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)?.[1] ?? '', nameOf)}</li>`);
      continue;
    }
    closeList();
    if (heading) out.push(`<div class="md-h${heading[1]?.length}">${inline(heading[2] ?? '', nameOf)}</div>`);
    else if (/^\s*-{3,}\s*$/.test(line)) out.push('<hr>');
    else out.push(`<div class="md-line">${inline(line, nameOf) || '&nbsp;'}</div>`);
  }
  closeList();
  return out.join('');
}

/**
 * A text message's content: <at user_id="…">name</at> mentions and plain text.
 * @param {string} text
 * @param {(openId: string) => string} nameOf
 */
export function renderTextMessage(text, nameOf) {
  return escapeHtml(String(text ?? ''))
    .replace(/&lt;at user_id=&quot;([\w-]+)&quot;&gt;(.*?)&lt;\/at&gt;/g, (_, id, name) => `<span class="at">@${name || escapeHtml(id === 'all' ? '所有人' : nameOf(id))}</span>`)
    .replace(/\n/g, '<br>');
}
