/**
 * Keeps the unit directory and the task index current for answering: built
 * from the database on first use, rebuilt when the data's fingerprint
 * changes (checked at most every few seconds, so other instances' imports
 * and progress reports show up), and at once after a write in this process.
 */
import type { Database } from '../../db/database.js';
import type { SearchRows } from '../../repositories/search-repository.js';
import { UnitRole } from '../vocabulary.js';
import { TaskIndex, type IndexedTask } from './task-index.js';
import { UnitDirectory } from './unit-directory.js';

/** What answering needs at hand. */
export interface Catalog {
  directory: UnitDirectory;
  index: TaskIndex;
}

/** Builds the directory and index from the database's rows. Pure. */
export function buildCatalog(rows: SearchRows): Catalog {
  const aliases = new Map<number, string[]>();
  for (const alias of rows.aliases) aliases.set(alias.unitId, [...(aliases.get(alias.unitId) ?? []), alias.alias]);
  const directory = new UnitDirectory(rows.units.map((unit) => ({ ...unit, aliases: aliases.get(unit.id) ?? [] })));
  const links = new Map<number, { unitId: number; role: UnitRole; position: number }[]>();
  for (const link of rows.links) {
    const list = links.get(link.taskId) ?? [];
    list.push({ unitId: link.unitId, role: UnitRole.catch('responsible').parse(link.role), position: link.position });
    links.set(link.taskId, list);
  }
  const dates = new Map<number, string[]>();
  const raws = new Map<number, string[]>();
  for (const deadline of [...rows.deadlines].sort((a, b) => a.position - b.position)) {
    if (deadline.dueOn) dates.set(deadline.taskId, [...(dates.get(deadline.taskId) ?? []), deadline.dueOn]);
    const written = raws.get(deadline.taskId) ?? [];
    if (!written.includes(deadline.raw)) raws.set(deadline.taskId, [...written, deadline.raw]);
  }
  const tasks: IndexedTask[] = rows.tasks.map((task) => ({
    ...task,
    units: (links.get(task.id) ?? []).sort((a, b) => a.position - b.position).map(({ unitId, role }) => ({ unitId, role })),
    dueDates: (dates.get(task.id) ?? []).sort(),
    deadlineRaw: (raws.get(task.id) ?? []).join('；'),
  }));
  return { directory, index: new TaskIndex(tasks, rows.plans) };
}

/** The current catalog of one database. */
export class QuestionCatalog {
  private catalog: Catalog | undefined;
  private fingerprint = '';
  private checkedAt = 0;
  private loading: Promise<Catalog> | undefined;

  constructor(
    private readonly db: Database,
    /** How long a catalog is trusted before the fingerprint is checked again. */
    private readonly maxAgeMs = 3_000,
  ) {}

  /** The catalog, rebuilt first if the data changed. */
  async current(): Promise<Catalog> {
    if (this.catalog && Date.now() - this.checkedAt < this.maxAgeMs) return this.catalog;
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Forget the catalog: the next question rebuilds it (after a write in this process). */
  invalidate(): void {
    this.checkedAt = 0;
    this.fingerprint = '';
  }

  private async refresh(): Promise<Catalog> {
    const fingerprint = await this.db.repos.search.fingerprint();
    this.checkedAt = Date.now();
    if (this.catalog && fingerprint === this.fingerprint) return this.catalog;
    this.catalog = buildCatalog(await this.db.repos.search.loadRows());
    this.fingerprint = fingerprint;
    return this.catalog;
  }
}
