/**
 * Reads the bot's answer cards the way a person would: the title, the tasks
 * listed under each plan ("ZS:第8项"), the text, and the buttons' values.
 */

/** Short names of the seed plans, for readable expectations. */
export function planCode(title: string): string {
  if (title.includes('临沂')) return 'LY';
  if (title.includes('新会')) return 'XH';
  if (title.includes('江门')) return 'JM';
  if (title.includes('经济和信息化局')) return 'JX';
  if (title.includes('中山')) return 'ZS';
  return title;
}

export interface ReadCard {
  title: string;
  /** "ZS:第8项", in the order shown. */
  tasks: string[];
  /** Every markdown element's text. */
  text: string;
  buttons: Record<string, unknown>[];
  /** Button labels, in order. */
  labels: string[];
  /** Names of form fields (inputs and selects). */
  fields: string[];
}

/** Every element of a card, column sets and forms opened up. */
export function cardElements(elements: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return elements.flatMap((element) => {
    if (element.tag === 'column_set') return cardElements((element.columns as { elements: Record<string, unknown>[] }[]).flatMap((column) => column.elements));
    if (element.tag === 'form') return cardElements(element.elements as Record<string, unknown>[]);
    return [element];
  });
}

/** Reads an answer card the way a person would: its title, the tasks listed under each plan, its buttons. */
export function readCard(card: Record<string, unknown>): ReadCard {
  const header = card.header as { title: { content: string } };
  const elements = cardElements((card.body as { elements: Record<string, unknown>[] }).elements ?? []);
  const tasks: string[] = [];
  let plan = '';
  const texts: string[] = [];
  for (const element of elements) {
    if (element.tag !== 'markdown') continue;
    const content = String(element.content);
    texts.push(content);
    const planHeader = /^\*\*《(.+)》\*\*$/.exec(content);
    if (planHeader) plan = planCode(planHeader[1]!);
    const item = /^(🔴|🟡|🟢|⚪) \*\*(.+?)\*\* /.exec(content);
    if (item) tasks.push(`${plan}:${item[2]}`);
  }
  const buttonElements = elements.filter((element) => element.tag === 'button');
  const buttons = buttonElements.map((button) => (button.behaviors as { value: Record<string, unknown> }[])[0]!.value);
  const labels = buttonElements.map((button) => (button.text as { content: string }).content);
  const fields = elements.filter((element) => element.tag === 'input' || element.tag === 'select_static').map((element) => String(element.name));
  return { title: header.title.content, tasks, text: texts.join('\n'), buttons, labels, fields };
}

