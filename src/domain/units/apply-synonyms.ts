/**
 * Applies the unit synonym table to units already in the database: names
 * the table lists become aliases of the unit that goes by one of them, and
 * two units that the table now says are one body are merged (the older unit
 * keeps its id; the other's links, grants and aliases move to it). Runs in
 * one transaction with an audit record per merge.
 */
import type { Database } from '../../db/database.js';
import { synonymsOf, type SynonymTable } from './synonym-table.js';

/** What applying the table changed. */
export interface SynonymReport {
  aliasesAdded: number;
  merged: { jurisdiction: string; from: string; into: string }[];
}

/** Applies the table to every jurisdiction's units. */
export async function applySynonymTable(db: Database, table: SynonymTable, actor: string): Promise<SynonymReport> {
  if (table.groups.length === 0) return { aliasesAdded: 0, merged: [] };
  return db.transaction(async (repos) => {
    const report: SynonymReport = { aliasesAdded: 0, merged: [] };
    const units = [...(await repos.units.list())].sort((a, b) => a.id - b.id);
    const aliases = await repos.units.aliases();
    const jurisdictions = [...new Set(units.map((unit) => unit.jurisdiction))];
    const newAliases: { unitId: number; jurisdiction: string; alias: string; source: 'admin' }[] = [];
    for (const jurisdiction of jurisdictions) {
      const byName = new Map(units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => [unit.name, unit]));
      const aliasNames = new Set(aliases.filter((alias) => alias.jurisdiction === jurisdiction).map((alias) => alias.alias));
      for (const unit of byName.values()) {
        for (const name of synonymsOf(table, jurisdiction, unit.name).slice(1)) {
          const other = byName.get(name);
          if (other && other.id !== unit.id) {
            await repos.units.merge(other.id, unit.id, 'admin');
            await repos.audit.record({
              actor,
              action: 'unit.merge',
              entityType: 'unit',
              entityId: unit.id,
              before: { mergedUnitId: other.id, name: other.name },
              after: { name: unit.name, reason: 'synonym table' },
            });
            byName.delete(name);
            aliasNames.add(name);
            report.merged.push({ jurisdiction, from: other.name, into: unit.name });
          } else if (!other && !aliasNames.has(name)) {
            newAliases.push({ unitId: unit.id, jurisdiction, alias: name, source: 'admin' });
            aliasNames.add(name);
          }
        }
      }
    }
    await repos.units.addAliases(newAliases);
    report.aliasesAdded = newAliases.length;
    return report;
  });
}
