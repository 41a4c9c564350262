/**
 * What Lark's Card JSON 2.0 accepts, as data: for each component the bot
 * uses, its fields (type, enum, range, required), where it may sit, and the
 * page it came from; the card's top level and its card-wide limits. In JSON
 * 2.0 Lark refuses a card carrying any property a component does not
 * support (卡片 JSON 2.0 版本更新说明: 传入不支持的属性将报错), so every field
 * a renderer writes must be listed here, and a change in Lark's docs is one
 * edit in this file. Only what the docs say is written; where they are silent
 * a comment says so. Pure data, read by check-card.ts.
 */

/** A field's value, as the docs describe it. */
export type FieldSpec =
  | { kind: 'string'; enum?: readonly string[]; /** Accepted besides the enum, e.g. "120px". */ pattern?: RegExp; required?: boolean }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean; required?: boolean }
  | { kind: 'boolean'; /** The only value allowed. */ only?: boolean; required?: boolean }
  /** A text object ({tag:'plain_text', content}); see TEXT. */
  | { kind: 'text'; required?: boolean }
  /** Child components, each checked against its own spec and the nesting rules. */
  | { kind: 'elements'; required?: boolean }
  /** An object with known fields (unknown ones refused), or any object when `fields` is absent. */
  | { kind: 'object'; fields?: Readonly<Record<string, FieldSpec>>; required?: boolean }
  | { kind: 'array'; of: FieldSpec; maxItems?: number; required?: boolean }
  /** A string or an object (a callback's value). */
  | { kind: 'value'; required?: boolean }
  /** Anything: the docs give the field no structure the bot depends on (a table's rows are checked by the checker). */
  | { kind: 'any'; required?: boolean };

/** One component: its fields and where it may be placed. */
export interface ComponentSpec {
  /** The official page the fields were taken from. */
  page: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** Allowed only directly in body.elements (form, table). */
  rootOnly?: boolean;
  /** Allowed only inside this parent's field (column in column_set.columns). */
  onlyIn?: string;
  /** Components that may not be nested anywhere inside this one. */
  forbidsInside?: readonly string[];
  /** Inside a form, the component must carry a name unique in the card. */
  namedInForm?: boolean;
}

const DOCS = 'https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards';

/** Lengths such as "8px" (spacing, margins, widths where a number of pixels is allowed). */
const PX = /^-?\d+px$/;
/** Margins and paddings: one to four pixel values ("0px 0px 4px 0px"). */
const BOX = /^-?\d+(px)?( -?\d+(px)?){0,3}$/;
const SPACING = ['small', 'medium', 'large', 'extra_large'] as const;

/** element_id: letters, digits and underscores, a letter first, at most 20 characters (卡片 JSON 2.0 结构, element_id). */
export const ELEMENT_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,19}$/;

/** Fields every JSON 2.0 component takes (each component page lists element_id and margin as new in 2.0). */
const COMMON: Record<string, FieldSpec> = {
  tag: { kind: 'string', required: true },
  element_id: { kind: 'string' },
  margin: { kind: 'string', pattern: BOX },
};

/**
 * Text objects (plain_text, and lark_md where a component allows it). The
 * 2.0 plain-text page was not found; the fields are the 1.0 文本 page's
 * (tag, content, lines) and those the 2.0 component pages show inside text
 * objects (text_size, text_color, text_align, i18n_content).
 */
export const TEXT: ComponentSpec = {
  page: 'https://open.larksuite.com/document/ukTMukTMukTM/uUzNwUjL1cDM14SN3ATN',
  fields: {
    tag: { kind: 'string', enum: ['plain_text', 'lark_md'], required: true },
    content: { kind: 'string', required: true },
    i18n_content: { kind: 'object' },
    text_size: { kind: 'string' },
    text_color: { kind: 'string' },
    text_align: { kind: 'string', enum: ['left', 'center', 'right'] },
    lines: { kind: 'number', integer: true, min: 1 },
  },
};

/** A button's or select's callback: behaviors [{type:'callback', value}] or [{type:'open_url', ...}]. */
const BEHAVIOR: FieldSpec = {
  kind: 'object',
  fields: {
    // The button page lists open_url and callback; the docs found say nothing of other behaviour types.
    type: { kind: 'string', enum: ['callback', 'open_url'], required: true },
    value: { kind: 'value' },
    default_url: { kind: 'string' },
    pc_url: { kind: 'string' },
    ios_url: { kind: 'string' },
    android_url: { kind: 'string' },
  },
};

const CONFIRM: FieldSpec = { kind: 'object', fields: { title: { kind: 'text', required: true }, text: { kind: 'text', required: true } } };

/** The option of a select_static. */
const OPTION: FieldSpec = { kind: 'object', fields: { text: { kind: 'text', required: true }, value: { kind: 'string', required: true }, icon: { kind: 'object' } } };

/** Components the bot uses, by tag. A tag not listed here is refused. */
export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  markdown: {
    page: `${DOCS}/card-json-v2-components/content-components/rich-text`,
    fields: {
      ...COMMON,
      content: { kind: 'string', required: true },
      i18n_content: { kind: 'object' },
      text_align: { kind: 'string', enum: ['left', 'center', 'right'] },
      // The page lists heading-0…4, heading, normal, notation and custom sizes from config.style; not enumerated here.
      text_size: { kind: 'string' },
      icon: { kind: 'object' },
      // 2.0 no longer supports `href` (差异化跳转): the page says to use <link> instead, so it is not listed.
    },
  },
  column_set: {
    page: `${DOCS}/card-json-v2-components/containers/column-set`,
    fields: {
      ...COMMON,
      columns: { kind: 'elements', required: true },
      flex_mode: { kind: 'string', enum: ['none', 'stretch', 'flow', 'bisect', 'trisect'] },
      horizontal_spacing: { kind: 'string', enum: SPACING, pattern: PX },
      horizontal_align: { kind: 'string', enum: ['left', 'center', 'right'] },
      background_style: { kind: 'string' },
      action: { kind: 'object' },
    },
    // "支持内嵌除表单容器（form）和表格组件（table）外的其它所有组件".
    forbidsInside: ['form', 'table'],
  },
  column: {
    page: `${DOCS}/card-json-v2-components/containers/column-set`,
    fields: {
      ...COMMON,
      elements: { kind: 'elements' },
      width: { kind: 'string', enum: ['auto', 'weighted'], pattern: PX },
      weight: { kind: 'number', integer: true, min: 1, max: 5 },
      vertical_align: { kind: 'string', enum: ['top', 'center', 'bottom'] },
      horizontal_align: { kind: 'string', enum: ['left', 'center', 'right'] },
      direction: { kind: 'string', enum: ['vertical', 'horizontal'] },
      vertical_spacing: { kind: 'string', enum: SPACING, pattern: PX },
      horizontal_spacing: { kind: 'string', enum: SPACING, pattern: PX },
      padding: { kind: 'string', pattern: BOX },
      background_style: { kind: 'string' },
      action: { kind: 'object' },
    },
    onlyIn: 'column_set',
    forbidsInside: ['form', 'table'],
  },
  form: {
    page: `${DOCS}/card-json-v2-components/containers/form-container`,
    fields: {
      ...COMMON,
      // "表单容器的唯一标识 … 在同一张卡片内，该字段的值全局唯一."
      name: { kind: 'string', required: true },
      elements: { kind: 'elements', required: true },
      direction: { kind: 'string', enum: ['vertical', 'horizontal'] },
      horizontal_spacing: { kind: 'string', enum: SPACING, pattern: PX },
      vertical_spacing: { kind: 'string', enum: SPACING, pattern: PX },
      horizontal_align: { kind: 'string', enum: ['left', 'center', 'right'] },
      vertical_align: { kind: 'string', enum: ['top', 'center', 'bottom'] },
      padding: { kind: 'string', pattern: BOX },
    },
    // "表单容器组件不可被内嵌在其它组件内，只可放在卡片根节点下"; "不支持内嵌表格（table）和表单容器组件".
    rootOnly: true,
    forbidsInside: ['form', 'table'],
  },
  button: {
    page: `${DOCS}/card-json-v2-components/interactive-components/button`,
    fields: {
      ...COMMON,
      type: { kind: 'string', enum: ['default', 'primary', 'danger', 'text', 'primary_text', 'danger_text', 'primary_filled', 'danger_filled', 'laser'] },
      size: { kind: 'string', enum: ['tiny', 'small', 'medium', 'large'] },
      width: { kind: 'string', enum: ['default', 'fill'], pattern: PX },
      text: { kind: 'text' },
      icon: { kind: 'object' },
      hover_tips: { kind: 'text' },
      disabled: { kind: 'boolean' },
      disabled_tips: { kind: 'text' },
      confirm: CONFIRM,
      behaviors: { kind: 'array', of: BEHAVIOR },
      // In a form: the button's name (unique in the card) and what it does to the form.
      name: { kind: 'string' },
      form_action_type: { kind: 'string', enum: ['submit', 'reset'] },
    },
    namedInForm: true,
  },
  input: {
    page: `${DOCS}/card-json-v2-components/interactive-components/input`,
    fields: {
      ...COMMON,
      // "当输入框组件嵌套在表单容器中时，该字段必填且需在卡片全局内唯一".
      name: { kind: 'string' },
      required: { kind: 'boolean' },
      disabled: { kind: 'boolean' },
      placeholder: { kind: 'text' },
      default_value: { kind: 'string' },
      width: { kind: 'string', enum: ['default', 'fill'], pattern: PX },
      // "最大长度 … 取值范围 [1,1000]".
      max_length: { kind: 'number', integer: true, min: 1, max: 1000 },
      input_type: { kind: 'string', enum: ['text', 'multiline_text', 'password'] },
      show_icon: { kind: 'boolean' },
      rows: { kind: 'number', integer: true, min: 1 },
      auto_resize: { kind: 'boolean' },
      max_rows: { kind: 'number', integer: true, min: 1 },
      label: { kind: 'text' },
      label_position: { kind: 'string', enum: ['top', 'left'] },
      value: { kind: 'value' },
      behaviors: { kind: 'array', of: BEHAVIOR },
      confirm: CONFIRM,
      fallback: { kind: 'object' },
    },
    namedInForm: true,
  },
  select_static: {
    // The 1.0 page is card-components/interactive-components/single-select-dropdown-menu; its 2.0 twin by the same slug.
    // Fields also as larksuite/cli's reference lists them (skills/lark-im/references/card/components/select_static.md).
    page: `${DOCS}/card-json-v2-components/interactive-components/single-select-dropdown-menu`,
    fields: {
      ...COMMON,
      type: { kind: 'string', enum: ['default', 'text'] },
      name: { kind: 'string' },
      required: { kind: 'boolean' },
      disabled: { kind: 'boolean' },
      placeholder: { kind: 'text' },
      // Must be one of the options' values (checked by the checker; a 65% initial option was refused in a tenant).
      initial_option: { kind: 'string' },
      initial_index: { kind: 'number', integer: true, min: 0 },
      width: { kind: 'string', enum: ['default', 'fill'], pattern: PX },
      options: { kind: 'array', of: OPTION },
      behaviors: { kind: 'array', of: BEHAVIOR },
      confirm: CONFIRM,
    },
    namedInForm: true,
  },
  table: {
    page: `${DOCS}/card-json-v2-components/content-components/table`,
    fields: {
      ...COMMON,
      page_size: { kind: 'number', integer: true, min: 1, max: 10 },
      row_height: { kind: 'string', enum: ['low', 'middle', 'high', 'auto'], pattern: PX },
      row_max_height: { kind: 'string', pattern: PX },
      freeze_first_column: { kind: 'boolean' },
      header_style: {
        kind: 'object',
        fields: {
          text_align: { kind: 'string', enum: ['left', 'center', 'right'] },
          text_size: { kind: 'string' },
          background_style: { kind: 'string', enum: ['grey', 'none'] },
          text_color: { kind: 'string' },
          bold: { kind: 'boolean' },
          lines: { kind: 'number', integer: true, min: 1 },
        },
      },
      columns: {
        kind: 'array',
        required: true,
        // "最多支持添加 50 列，超出 50 列的内容不展示": not refused, so no maxItems.
        of: {
          kind: 'object',
          fields: {
            name: { kind: 'string', required: true },
            display_name: { kind: 'string' },
            width: { kind: 'string', enum: ['auto'], pattern: /^(\d+px|\d+%)$/ },
            data_type: { kind: 'string', enum: ['text', 'lark_md', 'options', 'number', 'persons', 'date', 'markdown'] },
            horizontal_align: { kind: 'string', enum: ['left', 'center', 'right'] },
            vertical_align: { kind: 'string', enum: ['top', 'center', 'bottom'] },
            format: { kind: 'object' },
            date_format: { kind: 'string' },
          },
        },
      },
      rows: { kind: 'array', of: { kind: 'object' }, required: true },
    },
    // "表格组件不可被内嵌在其它组件内，只可放在卡片根节点下"; it holds no components.
    rootOnly: true,
  },
  chart: {
    // 图表组件 (JSON 2.0): "基于 VChart 的图表定义"; fields as the page lists them (also in larksuite/cli's
    // skills/lark-im/references/card/components/chart.md). The page names no nesting rule, so none is written.
    page: `${DOCS}/card-json-v2-components/content-components/chart`,
    fields: {
      ...COMMON,
      // A VChart spec; its own rules (type, data, fields that name data, no JavaScript) are checked by the checker.
      chart_spec: { kind: 'object', required: true },
      aspect_ratio: { kind: 'string', enum: ['1:1', '2:1', '4:3', '16:9'] },
      // "若你在 chart_spec 字段中声明了样式类属性，该字段无效".
      color_theme: { kind: 'string', enum: ['brand', 'rainbow', 'complementary', 'converse', 'primary'] },
      preview: { kind: 'boolean' },
      // "auto" or "[1,999]px" (a fixed height makes aspect_ratio void).
      height: { kind: 'string', enum: ['auto'], pattern: /^[1-9]\d{0,2}px$/ },
    },
  },
};

/**
 * What the chart page says of the VChart spec inside a chart element:
 * "图表组件暂不支持 JavaScript 语法", and properties the mobile client cannot
 * draw ("若在图表组件中指定以下 VChart 属性，图表将在移动端加载失败").
 */
export const CHART_SPEC = {
  page: `${DOCS}/card-json-v2-components/content-components/chart`,
  /** Keys whose presence anywhere in a spec fails the chart on mobile (texture; an image's repeatX/repeatY). */
  mobileUnsupportedKeys: ['texture', 'repeatX', 'repeatY'],
  /** gradient: 'conical' fails on mobile. */
  mobileUnsupportedGradients: ['conical'],
  /** Spec fields that name a field of the data: each must be a key of the data's values (VChart draws nothing otherwise). */
  fieldKeys: ['xField', 'yField', 'seriesField', 'categoryField', 'valueField', 'angleField', 'radiusField', 'nameField', 'sizeField'],
} as const;

/** The card's top level and its header, config and body. Page: 卡片 JSON 2.0 结构. */
export const CARD: { page: string; fields: Readonly<Record<string, FieldSpec>> } = {
  page: `${DOCS}/card-json-v2-structure`,
  fields: {
    schema: { kind: 'string', enum: ['2.0'], required: true },
    config: {
      kind: 'object',
      fields: {
        // "update_multi 参数仅支持设为 true" (卡片 JSON 2.0 版本更新说明).
        update_multi: { kind: 'boolean', only: true },
        enable_forward: { kind: 'boolean' },
        enable_forward_interaction: { kind: 'boolean' },
        width_mode: { kind: 'string', enum: ['compact', 'fill', 'default'] },
        use_custom_translation: { kind: 'boolean' },
        streaming_mode: { kind: 'boolean' },
        streaming_config: { kind: 'object' },
        summary: { kind: 'object', fields: { content: { kind: 'string' }, i18n_content: { kind: 'object' } } },
        locales: { kind: 'array', of: { kind: 'string' } },
        style: { kind: 'object' },
      },
    },
    card_link: { kind: 'object' },
    header: {
      kind: 'object',
      fields: {
        title: { kind: 'text', required: true },
        subtitle: { kind: 'text' },
        text_tag_list: { kind: 'array', of: { kind: 'object' } },
        i18n_text_tag_list: { kind: 'object' },
        template: { kind: 'string', enum: ['blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default'] },
        icon: { kind: 'object' },
        padding: { kind: 'string', pattern: BOX },
      },
    },
    body: {
      kind: 'object',
      required: true,
      fields: {
        elements: { kind: 'elements', required: true },
        direction: { kind: 'string', enum: ['vertical', 'horizontal'] },
        padding: { kind: 'string', pattern: BOX },
        horizontal_spacing: { kind: 'string', enum: SPACING, pattern: PX },
        vertical_spacing: { kind: 'string', enum: SPACING, pattern: PX },
        horizontal_align: { kind: 'string', enum: ['left', 'center', 'right'] },
        vertical_align: { kind: 'string', enum: ['top', 'center', 'bottom'] },
      },
    },
  },
};

/** Card-wide limits, each with where it is written. */
export const CARD_LIMITS = {
  /** "卡片 … 不超过 30 KB" (延时更新消息卡片 / 发送消息: a card message body). */
  bytes: 30 * 1024,
  /** "单张卡片最多支持 200 个元素或组件" (卡片 JSON 2.0 结构). */
  elements: 200,
  /** "单张卡片最多支持放置五个表格组件" (表格). */
  tables: 5,
  /** "容器类组件最多支持嵌套五层组件" (分栏, 表单容器). */
  containerDepth: 5,
  /** "单张卡片建议最多放置五个图表组件" (图表组件): a recommendation Lark makes, held to here as a limit. */
  charts: 5,
} as const;

/**
 * What Lark answers when it refuses a card's content: HTTP 400, code 230099
 * "Failed to create card content, ext=ErrCode: <sub-code>; ErrMsg: <reason>"
 * (seen in public reports, e.g. larksuite SDK users quoting
 * "Failed to create card content, ext=ErrCode: 11310; ErrMsg: cardid is
 * invalid"). The docs found do not list the sub-codes for each schema
 * mistake, so none is invented here: the fake says the reason in words.
 */
export const CARD_REFUSED_CODE = 230099;
