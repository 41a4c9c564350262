/**
 * Checks a card against what Lark's Card JSON 2.0 accepts (card-spec.ts):
 * unknown fields, missing required ones, types, enums and ranges, where each
 * component may sit, names in forms, element_id rules, and the card-wide
 * limits; for a chart, a VChart spec that would draw nothing (no type, no
 * data, fields the data lacks) or fail on mobile. Returns every problem with
 * its path, so a renderer's mistake shows up in a test instead of as a card
 * Lark refuses (or a blank chart) in a tenant. Pure.
 */
import { CARD, CARD_LIMITS, CARD_REFUSED_CODE, CHART_SPEC, COMPONENTS, ELEMENT_ID, TEXT, type FieldSpec } from './card-spec.js';

/** One thing Lark would refuse. */
export interface CardProblem {
  /** Where, as a JSON path: "body.elements[3].columns[0].elements[0].txt". */
  path: string;
  zh: string;
  en: string;
  /** The code Lark answers the send with (card-spec.ts, CARD_REFUSED_CODE). */
  code: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the walk remembers of the card so far. */
interface Walk {
  problems: CardProblem[];
  names: Map<string, string>;
  elementIds: Map<string, string>;
  tables: number;
  charts: number;
  elements: number;
}

function problem(walk: Walk, path: string, zh: string, en: string): void {
  walk.problems.push({ path, zh, en, code: CARD_REFUSED_CODE });
}

/** Where a component sits: its parent's tag (null at the root) and the containers above it. */
interface Place {
  parent: string | null;
  ancestors: readonly string[];
  inForm: boolean;
}

function checkString(walk: Walk, path: string, value: unknown, spec: Extract<FieldSpec, { kind: 'string' }>): void {
  if (typeof value !== 'string') return problem(walk, path, `应为字符串`, `must be a string`);
  if (!spec.enum && !spec.pattern) return;
  if (spec.enum?.includes(value) || spec.pattern?.test(value)) return;
  const allowed = [...(spec.enum ?? []), ...(spec.pattern ? [`/${spec.pattern.source}/`] : [])].join(', ');
  problem(walk, path, `取值 "${value}" 不在允许范围内（${allowed}）`, `value "${value}" is not one of ${allowed}`);
}

function checkNumber(walk: Walk, path: string, value: unknown, spec: Extract<FieldSpec, { kind: 'number' }>): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem(walk, path, '应为数字', 'must be a number');
  if (spec.integer && !Number.isInteger(value)) problem(walk, path, `${value} 应为整数`, `${value} must be an integer`);
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    problem(walk, path, `${value} 超出范围 [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]`, `${value} is outside [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]`);
  }
}

/** "body.elements[0]" + "tag"; a top-level key alone. */
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Checks an object's fields against a field table: unknown fields refused, required ones present. */
function checkFields(walk: Walk, path: string, value: Json, fields: Readonly<Record<string, FieldSpec>>, place: Place): void {
  for (const key of Object.keys(value)) {
    if (!(key in fields)) problem(walk, join(path, key), `不支持的属性 "${key}"（JSON 2.0 传入不支持的属性将报错）`, `unsupported property "${key}" (JSON 2.0 refuses unknown properties)`);
  }
  for (const [key, spec] of Object.entries(fields)) {
    const child = value[key];
    if (child === undefined) {
      if (spec.required) problem(walk, join(path, key), `缺少必填属性 "${key}"`, `required property "${key}" is missing`);
      continue;
    }
    checkField(walk, join(path, key), child, spec, place);
  }
}

function checkField(walk: Walk, path: string, value: unknown, spec: FieldSpec, place: Place): void {
  switch (spec.kind) {
    case 'string':
      return checkString(walk, path, value, spec);
    case 'number':
      return checkNumber(walk, path, value, spec);
    case 'boolean':
      if (typeof value !== 'boolean') return problem(walk, path, '应为布尔值', 'must be a boolean');
      if (spec.only !== undefined && value !== spec.only) problem(walk, path, `只能为 ${spec.only}`, `may only be ${spec.only}`);
      return;
    case 'text':
      if (!isObject(value)) return problem(walk, path, '应为文本对象 {tag, content}', 'must be a text object {tag, content}');
      return checkFields(walk, path, value, TEXT.fields, place);
    case 'object':
      if (!isObject(value)) return problem(walk, path, '应为对象', 'must be an object');
      if (spec.fields) checkFields(walk, path, value, spec.fields, place);
      return;
    case 'array':
      if (!Array.isArray(value)) return problem(walk, path, '应为数组', 'must be an array');
      if (spec.maxItems !== undefined && value.length > spec.maxItems) problem(walk, path, `最多 ${spec.maxItems} 项`, `at most ${spec.maxItems} items`);
      value.forEach((item, index) => checkField(walk, `${path}[${index}]`, item, spec.of, place));
      return;
    case 'value':
      if (typeof value !== 'string' && !isObject(value)) problem(walk, path, '应为字符串或对象', 'must be a string or an object');
      return;
    case 'elements':
      if (!Array.isArray(value)) return problem(walk, path, '应为组件数组', 'must be an array of components');
      value.forEach((item, index) => checkComponent(walk, `${path}[${index}]`, item, place));
      return;
    case 'any':
      return;
  }
}

/** A name unique in the card (forms and the components in them). */
function claimName(walk: Walk, path: string, name: unknown): void {
  if (typeof name !== 'string' || name === '') return;
  const earlier = walk.names.get(name);
  if (earlier) problem(walk, path, `name "${name}" 与 ${earlier} 重复（须在卡片内唯一）`, `name "${name}" repeats ${earlier} (must be unique in the card)`);
  else walk.names.set(name, path);
}

function checkComponent(walk: Walk, path: string, value: unknown, place: Place): void {
  if (!isObject(value)) return problem(walk, path, '组件应为对象', 'a component must be an object');
  const tag = value.tag;
  const spec = typeof tag === 'string' ? COMPONENTS[tag] : undefined;
  if (!spec) return problem(walk, `${path}.tag`, `不支持的组件 "${String(tag)}"`, `unsupported component "${String(tag)}"`);
  walk.elements++;
  if (spec.rootOnly && place.parent !== null) problem(walk, path, `${tag} 只能放在卡片根节点（body.elements）下`, `${tag} may only sit directly in body.elements`);
  if (spec.onlyIn && place.parent !== spec.onlyIn) problem(walk, path, `${tag} 只能放在 ${spec.onlyIn} 中`, `${tag} may only sit in ${spec.onlyIn}`);
  if (!spec.onlyIn && place.parent === 'column_set') problem(walk, path, `column_set.columns 只能包含 column，不能是 ${tag}`, `column_set.columns may only hold column, not ${tag}`);
  for (const ancestor of place.ancestors) {
    if (COMPONENTS[ancestor]?.forbidsInside?.includes(tag as string)) problem(walk, path, `${ancestor} 中不能嵌套 ${tag}`, `${tag} may not be nested in ${ancestor}`);
  }
  if (tag === 'table') walk.tables++;
  if (tag === 'chart') walk.charts++;
  if (typeof value.element_id === 'string') {
    if (!ELEMENT_ID.test(value.element_id)) problem(walk, `${path}.element_id`, `element_id "${value.element_id}" 须以字母开头、仅含字母数字下划线、不超过 20 个字符`, `element_id "${value.element_id}" must start with a letter, hold only letters, digits and _, at most 20 characters`);
    const earlier = walk.elementIds.get(value.element_id);
    if (earlier) problem(walk, `${path}.element_id`, `element_id "${value.element_id}" 与 ${earlier} 重复`, `element_id "${value.element_id}" repeats ${earlier}`);
    else walk.elementIds.set(value.element_id, path);
  }
  if (tag === 'form' || (spec.namedInForm && place.inForm)) {
    if (typeof value.name !== 'string' || value.name === '') problem(walk, `${path}.name`, `${tag === 'form' ? '表单容器' : `表单中的 ${tag}`} 必须有 name`, `${tag === 'form' ? 'a form' : `${tag} in a form`} needs a name`);
    claimName(walk, `${path}.name`, value.name);
  }
  if (tag === 'button' && value.form_action_type !== undefined && !place.inForm) {
    problem(walk, `${path}.form_action_type`, 'form_action_type 只能用于表单容器中的按钮', 'form_action_type only applies to a button in a form');
  }
  if (tag === 'select_static') checkSelect(walk, path, value);
  if (tag === 'table') checkTableRows(walk, path, value);
  if (tag === 'chart') checkChartSpec(walk, `${path}.chart_spec`, value.chart_spec);
  const inner: Place = { parent: tag as string, ancestors: [...place.ancestors, tag as string], inForm: place.inForm || tag === 'form' };
  if (inner.ancestors.filter((name) => ['form', 'column_set'].includes(name)).length > CARD_LIMITS.containerDepth) {
    problem(walk, path, `容器嵌套超过 ${CARD_LIMITS.containerDepth} 层`, `containers nested deeper than ${CARD_LIMITS.containerDepth}`);
  }
  checkFields(walk, path, value, spec.fields, inner);
}

/** A select's initial option must be one of its options, and option values distinct. */
function checkSelect(walk: Walk, path: string, select: Json): void {
  const options = Array.isArray(select.options) ? select.options.filter(isObject) : [];
  const values = options.map((option) => option.value);
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) problem(walk, `${path}.options[${index}].value`, `选项值 "${String(value)}" 重复`, `option value "${String(value)}" repeats`);
    seen.add(value);
  });
  if (select.initial_option !== undefined && !values.includes(select.initial_option)) {
    problem(walk, `${path}.initial_option`, `初始选项 "${String(select.initial_option)}" 不在 options 中`, `initial option "${String(select.initial_option)}" is not among the options`);
  }
}

/** A table's rows: keys are column names, and a number column holds numbers, a text column strings. */
function checkTableRows(walk: Walk, path: string, table: Json): void {
  const columns = Array.isArray(table.columns) ? table.columns.filter(isObject) : [];
  const types = new Map(columns.map((column) => [column.name, column.data_type ?? 'text']));
  const rows = Array.isArray(table.rows) ? table.rows : [];
  rows.forEach((row, index) => {
    if (!isObject(row)) return;
    for (const [key, cell] of Object.entries(row)) {
      const at = `${path}.rows[${index}].${key}`;
      if (!types.has(key)) {
        problem(walk, at, `行数据的键 "${key}" 不是任何列的 name`, `row key "${key}" names no column`);
        continue;
      }
      const type = types.get(key);
      if (type === 'number' && typeof cell !== 'number') problem(walk, at, 'number 列的值应为数字', 'a number column holds numbers');
      if ((type === 'text' || type === 'lark_md' || type === 'markdown') && typeof cell !== 'string') problem(walk, at, `${String(type)} 列的值应为字符串`, `a ${String(type)} column holds strings`);
    }
  });
}

/** The rows of a VChart data option ({values} or [{id, values}]); null when it holds none. */
function dataRows(data: unknown): Json[] | null {
  const sets = Array.isArray(data) ? data : data === undefined ? [] : [data];
  const rows = sets.flatMap((set) => (isObject(set) && Array.isArray(set.values) ? set.values.filter(isObject) : []));
  return rows.length > 0 ? rows : null;
}

/** Fields named by xField, seriesField, … must be keys of the data (VChart draws nothing for a field no datum has). */
function checkChartFields(walk: Walk, path: string, owner: Json, rows: readonly Json[]): void {
  const keys = new Set(rows.flatMap((row) => Object.keys(row)));
  for (const name of CHART_SPEC.fieldKeys) {
    const named = owner[name];
    if (named === undefined) continue;
    const fields = Array.isArray(named) ? named : [named];
    for (const field of fields) {
      if (typeof field !== 'string') problem(walk, `${path}.${name}`, `${name} 应为数据字段名（字符串）`, `${name} must name a data field (a string)`);
      else if (!keys.has(field)) problem(walk, `${path}.${name}`, `${name} "${field}" 不是数据中的字段`, `${name} "${field}" is not a field of the data`);
    }
  }
}

/** JavaScript (functions) and what the mobile client cannot draw, anywhere in the spec. */
function checkChartValues(walk: Walk, path: string, value: unknown): void {
  if (typeof value === 'function') return problem(walk, path, '图表组件不支持 JavaScript 语法（函数）', 'a chart takes no JavaScript (functions)');
  if (Array.isArray(value)) return value.forEach((item, index) => checkChartValues(walk, `${path}[${index}]`, item));
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if ((CHART_SPEC.mobileUnsupportedKeys as readonly string[]).includes(key)) problem(walk, at, `移动端不支持 ${key}，图表将在移动端加载失败`, `the mobile client cannot draw ${key}: the chart fails there`);
    if (key === 'gradient' && (CHART_SPEC.mobileUnsupportedGradients as readonly unknown[]).includes(child)) problem(walk, at, `移动端不支持 ${String(child)} 渐变`, `the mobile client cannot draw a ${String(child)} gradient`);
    checkChartValues(walk, at, child);
  }
}

/**
 * A chart's VChart spec: a chart type, data with rows (its own or each
 * series'), fields that name keys of that data, no JavaScript and nothing
 * the mobile client cannot draw (CHART_SPEC).
 */
function checkChartSpec(walk: Walk, path: string, spec: unknown): void {
  if (!isObject(spec)) return;
  if (typeof spec.type !== 'string' || spec.type === '') problem(walk, `${path}.type`, '图表定义缺少图表类型 type（如 bar、line、pie）', 'the chart spec needs a type (bar, line, pie, …)');
  checkChartValues(walk, path, spec);
  const rows = dataRows(spec.data);
  const series = Array.isArray(spec.series) ? spec.series.filter(isObject) : [];
  const seriesRows = series.map((one) => dataRows(one.data) ?? rows);
  if (!rows && (series.length === 0 || seriesRows.some((found) => found === null))) {
    problem(walk, `${path}.data`, '图表没有数据：data.values 应为非空数组', 'the chart has no data: data.values must be a non-empty array');
    return;
  }
  if (rows) checkChartFields(walk, path, spec, rows);
  series.forEach((one, index) => checkChartFields(walk, `${path}.series[${index}]`, one, seriesRows[index] ?? []));
}

/**
 * Every problem Lark would refuse the card for; empty when it would take
 * it. `bytes` is the size of the content as sent (JSON), when known.
 */
export function checkCard(card: unknown, bytes?: number): CardProblem[] {
  const walk: Walk = { problems: [], names: new Map(), elementIds: new Map(), tables: 0, charts: 0, elements: 0 };
  if (!isObject(card)) {
    problem(walk, '', '卡片应为 JSON 对象', 'a card must be a JSON object');
    return walk.problems;
  }
  checkFields(walk, '', card, CARD.fields, { parent: null, ancestors: [], inForm: false });
  const size = bytes ?? Buffer.byteLength(JSON.stringify(card));
  if (size > CARD_LIMITS.bytes) problem(walk, '', `卡片 ${size} 字节，超过 ${CARD_LIMITS.bytes} 字节上限`, `card of ${size} bytes exceeds ${CARD_LIMITS.bytes}`);
  if (walk.elements > CARD_LIMITS.elements) problem(walk, 'body.elements', `卡片有 ${walk.elements} 个组件，超过 ${CARD_LIMITS.elements}`, `card holds ${walk.elements} components, over ${CARD_LIMITS.elements}`);
  if (walk.tables > CARD_LIMITS.tables) problem(walk, 'body.elements', `卡片有 ${walk.tables} 个表格，超过 ${CARD_LIMITS.tables}`, `card holds ${walk.tables} tables, over ${CARD_LIMITS.tables}`);
  if (walk.charts > CARD_LIMITS.charts) problem(walk, 'body.elements', `卡片有 ${walk.charts} 个图表，超过建议的 ${CARD_LIMITS.charts} 个`, `card holds ${walk.charts} charts, over the ${CARD_LIMITS.charts} Lark recommends`);
  return walk.problems;
}

/** The problems in one line, as the fake Open API puts them in its refusal. */
export function describeProblems(problems: readonly CardProblem[]): string {
  return problems
    .slice(0, 5)
    .map((found) => `${found.path || '(card)'}: ${found.en}`)
    .join('; ')
    .concat(problems.length > 5 ? `; and ${problems.length - 5} more` : '');
}
