/**
 * The unit synonym table: names that mean the same body, kept as data an
 * administrator edits (seeds/unit-synonyms.txt), not as code. A line is one
 * group; the names are separated by "=":
 *
 *     中山市：市发展改革局 = 市发改局 = 市发展改革委
 *     *：发展改革局 = 发改局 = 发改委 = 发展和改革局
 *
 * A group for "*" applies in every jurisdiction and names written without
 * 市/区/县 match each of them with the same prefix ("发改局" covers 市发改局
 * and 区发改局, but never makes 区发改局 the same as 市发改局). "#" starts a
 * comment. Pure: no database.
 */

/** One group of equivalent names. */
export interface SynonymGroup {
  /** A jurisdiction (中山市) or '*' for all. */
  jurisdiction: string;
  names: string[];
  line: number;
}

/** A parsed table, and the lines that could not be read. */
export interface SynonymTable {
  groups: SynonymGroup[];
  errors: string[];
}

const LEVEL_PREFIX = /^(市|区|县)/;

/** Parses the table's text; malformed lines are reported, not guessed. */
export function parseSynonymTable(text: string): SynonymTable {
  const groups: SynonymGroup[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const match = /^([^:：]+)[:：](.+)$/.exec(line);
    const names = match ? [...new Set(match[2]!.split(/[=＝]/).map((name) => name.trim()).filter(Boolean))] : [];
    if (!match || names.length < 2) {
      errors.push(`第${index + 1}行：应写成“辖区：标准名称 = 别名 = …”，例如“中山市：市发展改革局 = 市发改局”`);
      return;
    }
    groups.push({ jurisdiction: match[1]!.trim(), names, line: index + 1 });
  });
  return { groups, errors };
}

/**
 * The names that mean the same body as `name` in `jurisdiction`, `name`
 * first, then the group's names in table order (so the table's first name
 * is preferred when none is known yet).
 */
export function synonymsOf(table: SynonymTable, jurisdiction: string, name: string): string[] {
  const found = [name];
  const prefix = LEVEL_PREFIX.exec(name)?.[1] ?? '';
  for (const group of table.groups) {
    if (group.jurisdiction !== '*' && group.jurisdiction !== jurisdiction) continue;
    const expanded = group.names.map((member) => (group.jurisdiction === '*' && !LEVEL_PREFIX.test(member) ? `${prefix}${member}` : member));
    if (!expanded.includes(name)) continue;
    for (const member of expanded) if (!found.includes(member)) found.push(member);
  }
  return found;
}

/** Every group name a jurisdiction's units might go by, for units already known by one of them. */
export function groupsFor(table: SynonymTable, jurisdiction: string, names: Iterable<string>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const name of names) {
    const synonyms = synonymsOf(table, jurisdiction, name);
    if (synonyms.length > 1) result.set(name, synonyms.slice(1));
  }
  return result;
}
