/**
 * A unit directory of the five seeds' real units, built the way import
 * builds the database (each city its own units; synonyms as aliases), but
 * without a database, for pure tests of question understanding.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flattenNodes, parsePlanDocument } from '../../src/domain/imports/plan-parser.js';
import { UnitDirectory, type DirectoryUnit } from '../../src/domain/questions/unit-directory.js';
import { parseSynonymTable, synonymsOf } from '../../src/domain/units/synonym-table.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SEED_FILES = ['000_94ff24fa85011159.txt', '001_3c6ad803d9ae2d0e.txt', '002_873e3bb7a99b9369.txt', '003_d1035213d6840534.txt', '004_cfc444f77b463dd9.txt'];

/** The directory, and "jurisdiction/name" of a unit id. */
export function seedDirectory(): { directory: UnitDirectory; nameOf: (id: number) => string } {
  const synonyms = parseSynonymTable(readFileSync(`${seedsDir}unit-synonyms.txt`, 'utf8'));
  const units = new Map<string, DirectoryUnit & { aliases: string[] }>();
  for (const file of SEED_FILES) {
    const plan = parsePlanDocument(readFileSync(`${seedsDir}${file}`, 'utf8'), file);
    for (const mention of flattenNodes(plan.nodes).flatMap((node) => node.units)) {
      const key = `${plan.jurisdiction}/${mention.name}`;
      const unit = units.get(key) ?? { id: units.size + 1, name: mention.name, jurisdiction: plan.jurisdiction, aliases: [] };
      for (const alias of [...mention.aliases, ...synonymsOf(synonyms, plan.jurisdiction, mention.name).slice(1)]) {
        if (!unit.aliases.includes(alias)) unit.aliases.push(alias);
      }
      units.set(key, unit);
    }
  }
  const byId = new Map([...units.values()].map((unit) => [unit.id, `${unit.jurisdiction}/${unit.name}`]));
  return { directory: new UnitDirectory([...units.values()]), nameOf: (id) => byId.get(id) ?? `#${id}` };
}
