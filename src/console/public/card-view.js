// @ts-check
/**
 * Draws a Card JSON 2.0 card (and the 1.0 elements still met) the way the
 * Feishu client does, closely enough to use: the header in its template's
 * colour, markdown, column sets, tables, buttons, forms with inputs and
 * selects, notes and rules, and charts (the chart element's VChart spec,
 * drawn with VChart's browser build, loaded the first time one is met). A
 * button's callback and a form's submission go
 * to `onAction` with the button's value and the form's values by name, as
 * Lark's card.action.trigger carries them. An element the console cannot
 * draw (or a chart that fails to) is shown as a labelled placeholder, never
 * dropped silently.
 */
import { escapeHtml, renderLarkMarkdown } from './lark-markdown.js';

/**
 * @typedef {Record<string, any>} Json
 * @typedef {{ onAction: (value: Json, formValue?: Json) => void, nameOf: (openId: string) => string, toast: (text: string) => void }} CardHooks
 */

/**
 * @param {string} tag
 * @param {string} [className]
 * @returns {HTMLElement}
 */
function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** @param {Json | undefined} text */
const textOf = (text) => (text && typeof text === 'object' ? String(text.content ?? '') : String(text ?? ''));

/**
 * The values of a form's inputs and selects, by name; undefined when a required one is empty.
 * @param {HTMLFormElement} form
 */
function formValues(form) {
  /** @type {Json} */
  const values = {};
  let missing = false;
  for (const field of form.querySelectorAll('[data-field]')) {
    const input = /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */ (field);
    const value = input instanceof HTMLSelectElement && input.multiple ? [...input.selectedOptions].map((option) => option.value) : input.value;
    if (input.dataset.required === 'true' && (value === '' || (Array.isArray(value) && value.length === 0))) missing = true;
    if (value !== '' && !(Array.isArray(value) && value.length === 0)) values[input.name] = value;
  }
  return missing ? undefined : values;
}

/**
 * @param {Json} element
 * @param {CardHooks} hooks
 * @returns {HTMLElement}
 */
function button(element, hooks) {
  const node = /** @type {HTMLButtonElement} */ (el('button', `card-button card-button-${element.type ?? 'default'}`));
  node.type = 'button';
  node.textContent = textOf(element.text);
  if (element.disabled) node.disabled = true;
  const behaviors = /** @type {Json[]} */ (element.behaviors ?? (element.value ? [{ type: 'callback', value: element.value }] : []));
  node.addEventListener('click', () => {
    const form = /** @type {HTMLFormElement | null} */ (node.closest('form'));
    if (form && element.form_action_type === 'reset') return form.reset();
    for (const behavior of behaviors) {
      if (behavior.type === 'open_url') window.open(behavior.default_url ?? behavior.url, '_blank', 'noopener');
      if (behavior.type !== 'callback') continue;
      if (form && element.form_action_type === 'submit') {
        const values = formValues(form);
        if (!values) return hooks.toast('请先填写必填项');
        hooks.onAction(behavior.value ?? {}, values);
      } else {
        hooks.onAction(behavior.value ?? {});
      }
    }
  });
  return node;
}

/**
 * @param {Json} element
 * @returns {HTMLElement}
 */
function input(element) {
  const multiline = element.input_type === 'multiline_text';
  const node = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el(multiline ? 'textarea' : 'input', 'card-input'));
  node.name = String(element.name ?? '');
  node.placeholder = textOf(element.placeholder);
  if (element.default_value) node.value = String(element.default_value);
  if (element.max_length) node.maxLength = Number(element.max_length);
  node.dataset.field = 'input';
  node.dataset.required = String(Boolean(element.required));
  const wrap = el('label', 'card-field');
  if (element.label) wrap.append(Object.assign(el('span', 'card-field-label'), { textContent: textOf(element.label) }));
  wrap.append(node);
  return wrap;
}

/**
 * @param {Json} element
 * @returns {HTMLElement}
 */
function select(element) {
  const node = /** @type {HTMLSelectElement} */ (el('select', 'card-select'));
  node.name = String(element.name ?? '');
  node.multiple = element.tag === 'multi_select_static';
  node.dataset.field = 'select';
  node.dataset.required = String(Boolean(element.required));
  if (!node.multiple) {
    const placeholder = /** @type {HTMLOptionElement} */ (el('option'));
    placeholder.value = '';
    placeholder.textContent = textOf(element.placeholder) || '请选择';
    node.append(placeholder);
  }
  for (const option of /** @type {Json[]} */ (element.options ?? [])) {
    const item = /** @type {HTMLOptionElement} */ (el('option'));
    item.value = String(option.value ?? '');
    item.textContent = textOf(option.text);
    node.append(item);
  }
  node.value = element.initial_option !== undefined ? String(element.initial_option) : '';
  return node;
}

/**
 * @param {Json} element
 * @param {CardHooks} hooks
 * @returns {HTMLElement}
 */
function table(element, hooks) {
  const node = el('table', 'card-table');
  const columns = /** @type {Json[]} */ (element.columns ?? []);
  const head = el('tr');
  for (const column of columns) head.append(Object.assign(el('th'), { textContent: String(column.display_name ?? column.name ?? '') }));
  node.append(head);
  for (const row of /** @type {Json[]} */ (element.rows ?? [])) {
    const tr = el('tr');
    for (const column of columns) {
      const cell = el('td');
      const value = row[column.name];
      if (column.data_type === 'lark_md' || column.data_type === 'markdown') cell.innerHTML = renderLarkMarkdown(String(value ?? ''), hooks.nameOf);
      else cell.textContent = value === undefined || value === null ? '' : String(value);
      tr.append(cell);
    }
    node.append(tr);
  }
  const wrap = el('div', 'card-table-wrap');
  wrap.append(node);
  return wrap;
}

/** Where the router serves VChart's browser build (src/console/vendor-scripts.ts). */
const VCHART_URL = '/console/assets/vchart.js';
/** @type {Promise<any> | undefined} */
let vchartLoading;

/** VChart's namespace, loaded once with a script tag (a UMD build, not a module). */
function loadVChart() {
  vchartLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = VCHART_URL;
    script.onload = () => {
      const lib = /** @type {any} */ (window).VChart;
      if (lib?.VChart) resolve(lib);
      else reject(new Error('VChart 未加载'));
    };
    script.onerror = () => reject(new Error('VChart 无法下载'));
    document.head.append(script);
  }).catch((error) => {
    vchartLoading = undefined; // the next chart tries again
    throw error;
  });
  return vchartLoading;
}

/** Height ÷ width of Lark's aspect ratios; 16:9 when none is given (the PC default). */
const RATIOS = /** @type {Record<string, number>} */ ({ '1:1': 1, '2:1': 1 / 2, '4:3': 3 / 4, '16:9': 9 / 16 });

/**
 * Resolves once the node is in the page and has a width (VChart measures its container); false when it never is.
 * @param {HTMLElement} node
 */
function placed(node) {
  return new Promise((resolve) => {
    let frames = 0;
    const check = () => {
      if (node.isConnected && node.clientWidth > 0) return resolve(true);
      if (++frames > 300) return resolve(false);
      requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * A chart element: a box of the card's aspect ratio (or fixed height) that
 * VChart draws the spec into; the labelled placeholder if it cannot.
 * @param {Json} element
 * @returns {HTMLElement}
 */
function chart(element) {
  const node = el('div', 'card-chart');
  const title = String(element.chart_spec?.title?.text ?? '');
  node.dataset.chart = 'loading';
  if (typeof element.height === 'string' && element.height.endsWith('px')) node.style.height = element.height;
  else node.style.aspectRatio = String(1 / (RATIOS[element.aspect_ratio] ?? RATIOS['16:9']));
  const fail = (/** @type {unknown} */ error) => {
    const reason = error instanceof Error ? error.message : String(error);
    const placeholder = Object.assign(el('div', 'card-unsupported'), { textContent: `［控制台未能绘制的图表${title ? `：${title}` : ''}（${reason}）］` });
    placeholder.dataset.chart = 'failed';
    node.replaceWith(placeholder);
  };
  (async () => {
    if (!element.chart_spec || typeof element.chart_spec !== 'object') throw new Error('缺少 chart_spec');
    const lib = await loadVChart();
    if (!(await placed(node))) return;
    const instance = new lib.VChart(structuredClone(element.chart_spec), { dom: node, animation: false });
    await instance.renderAsync();
    node.dataset.chart = 'drawn';
  })().catch(fail);
  return node;
}

/**
 * One element.
 * @param {Json} element
 * @param {CardHooks} hooks
 * @returns {HTMLElement}
 */
function render(element, hooks) {
  switch (element.tag) {
    case 'markdown':
    case 'lark_md': {
      const node = el('div', 'card-markdown');
      node.innerHTML = renderLarkMarkdown(String(element.content ?? ''), hooks.nameOf);
      if (element.text_align) node.style.textAlign = element.text_align;
      return node;
    }
    case 'plain_text':
      return Object.assign(el('div', 'card-text'), { textContent: textOf(element) });
    case 'div': {
      const node = el('div', 'card-markdown');
      const text = element.text ?? {};
      node.innerHTML = text.tag === 'lark_md' ? renderLarkMarkdown(String(text.content ?? ''), hooks.nameOf) : escapeHtml(textOf(text));
      return node;
    }
    case 'hr':
      return el('hr', 'card-hr');
    case 'note': {
      const node = el('div', 'card-note');
      for (const child of /** @type {Json[]} */ (element.elements ?? [])) node.append(render(child, hooks));
      return node;
    }
    case 'column_set': {
      const node = el('div', 'card-columns');
      for (const column of /** @type {Json[]} */ (element.columns ?? [])) {
        const col = el('div', 'card-column');
        if (column.width === 'weighted') col.style.flex = String(column.weight ?? 1);
        else if (column.width && column.width !== 'auto') col.style.flex = `0 0 ${column.width}`;
        else col.style.flex = '0 0 auto';
        for (const child of /** @type {Json[]} */ (column.elements ?? [])) col.append(render(child, hooks));
        node.append(col);
      }
      return node;
    }
    case 'action': {
      const node = el('div', 'card-columns');
      for (const child of /** @type {Json[]} */ (element.actions ?? [])) node.append(render(child, hooks));
      return node;
    }
    case 'button':
      return button(element, hooks);
    case 'form': {
      const node = /** @type {HTMLFormElement} */ (el('form', 'card-form'));
      node.name = String(element.name ?? '');
      node.addEventListener('submit', (event) => event.preventDefault());
      for (const child of /** @type {Json[]} */ (element.elements ?? [])) node.append(render(child, hooks));
      return node;
    }
    case 'input':
      return input(element);
    case 'select_static':
    case 'multi_select_static':
      return select(element);
    case 'table':
      return table(element, hooks);
    case 'chart':
      return chart(element);
    case 'collapsible_panel': {
      const node = el('details', 'card-panel');
      node.append(Object.assign(el('summary'), { textContent: textOf(element.header?.title) }));
      for (const child of /** @type {Json[]} */ (element.elements ?? [])) node.append(render(child, hooks));
      return node;
    }
    default:
      return Object.assign(el('div', 'card-unsupported'), { textContent: `［控制台暂不显示的元素：${String(element.tag)}］` });
  }
}

/**
 * A whole card.
 * @param {Json} card
 * @param {CardHooks} hooks
 * @returns {HTMLElement}
 */
export function renderCard(card, hooks) {
  const node = el('div', 'card');
  const header = card.header;
  if (header) {
    const head = el('div', `card-header card-header-${header.template ?? 'default'}`);
    head.append(Object.assign(el('div', 'card-title'), { textContent: textOf(header.title) }));
    if (header.subtitle) head.append(Object.assign(el('div', 'card-subtitle'), { textContent: textOf(header.subtitle) }));
    node.append(head);
  }
  const body = el('div', 'card-body');
  const elements = /** @type {Json[]} */ (card.body?.elements ?? card.elements ?? []);
  for (const element of elements) body.append(render(element, hooks));
  node.append(body);
  return node;
}
