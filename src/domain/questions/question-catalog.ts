/**
 * Keeps the unit directory and the task index current for answering: built
 * from the database on first use, and brought up to date (patched or
 * rebuilt, after a look at the data's fingerprint) by the first question
 * after a committed write to plans, tasks and units is announced. The
 * database announces this process's writes, and on PostgreSQL every other
 * instance's too (LISTEN/NOTIFY), so the index trusts itself until one is
 * (looking anyway every half minute).
 * On SQLite, or while PostgreSQL's notices are not heard (a lost
 * connection), the fingerprint is looked at by the first question a second
 * or more after the last look, so another instance's import or progress
 * report is in every answer asked a second after its commit. The look is a
 * scan of the task tables: 75–120 ms at 100,000 tasks, paid by that
 * question.
 */
import type { Database } from '../../db/database.js';
import type { SearchFingerprint, SearchRows } from '../../repositories/search-repository.js';
import { Recurrence, UnitRole } from '../vocabulary.js';
import { INDEXED_COLUMN_NAMES } from './indexed-fields.js';
import { TaskIndex, type IndexedTask } from './task-index.js';
import { UnitDirectory } from './unit-directory.js';

/** What answering needs at hand. */
export interface Catalog {
  directory: UnitDirectory;
  index: TaskIndex;
}

/**
 * Index tasks from rows: links and deadlines attached, in order. Pure. Each
 * repeated string (statuses, keys, due dates, deadlines as written, and the
 * texts of plans issued alike in many places) and each unit link is kept
 * once, and every task object is made in one order, so all share one hidden
 * class: at 100,000 tasks this is what the index's memory is made of.
 */
export function indexedTasks(rows: Pick<SearchRows, 'tasks' | 'links' | 'deadlines'>, once: Sharing = sharing()): IndexedTask[] {
  const links = new Map<number, { unitId: number; role: UnitRole; position: number }[]>();
  for (const link of rows.links) {
    const list = links.get(link.taskId) ?? [];
    list.push({ unitId: link.unitId, role: UnitRole.catch('responsible').parse(link.role), position: link.position });
    links.set(link.taskId, list);
  }
  const dates = new Map<number, string[]>();
  const raws = new Map<number, string[]>();
  const recurrences = new Map<number, Recurrence>();
  for (const deadline of [...rows.deadlines].sort((a, b) => a.position - b.position)) {
    if (deadline.dueOn) dates.set(deadline.taskId, [...(dates.get(deadline.taskId) ?? []), deadline.dueOn]);
    const recurrence = Recurrence.safeParse(deadline.recurrence);
    if (recurrence.success && !recurrences.has(deadline.taskId)) recurrences.set(deadline.taskId, recurrence.data);
    const written = raws.get(deadline.taskId) ?? [];
    if (!written.includes(deadline.raw)) raws.set(deadline.taskId, [...written, deadline.raw]);
  }
  return rows.tasks.map((task) => {
    const indexed = {} as Record<string, unknown>;
    for (const name of INDEXED_COLUMN_NAMES) {
      const value = task[name];
      indexed[name] = typeof value === 'string' ? once.text(value) : value;
    }
    const own = links.get(task.id);
    indexed.units = own ? once.links(own.sort((a, b) => a.position - b.position)) : NONE;
    const due = dates.get(task.id);
    indexed.dueDates = due ? once.days(due.sort()) : NONE;
    indexed.deadlineRaw = once.text((raws.get(task.id) ?? []).join('；'));
    indexed.recurrence = recurrences.get(task.id) ?? null;
    return indexed as unknown as IndexedTask;
  });
}

/** The empty list every task without units or due dates shares (the index never changes a task's lists in place). */
const NONE: readonly never[] = Object.freeze([]);

/** One copy of each equal string, unit link, list of links and list of due days, for the tasks of one build (read a page at a time). */
type Sharing = ReturnType<typeof sharing>;

function sharing() {
  const texts = new Map<string, string>();
  const links = new Map<number, { unitId: number; role: UnitRole }>();
  const lists = new Map<string, readonly unknown[]>();
  const text = (value: string): string => {
    const known = texts.get(value);
    if (known !== undefined) return known;
    texts.set(value, value);
    return value;
  };
  const list = <T>(key: string, make: () => T[]): readonly T[] => {
    let known = lists.get(key);
    if (!known) lists.set(key, (known = make()));
    return known as readonly T[];
  };
  return {
    text,
    /** A task's unit links in order: tasks with the same units and parts share one list. */
    links(own: readonly { unitId: number; role: UnitRole }[]): readonly { unitId: number; role: UnitRole }[] {
      const codes = own.map(({ unitId, role }) => unitId * 4 + ROLES.indexOf(role));
      return list(`u${codes.join(',')}`, () =>
        codes.map((code, n) => {
          let link = links.get(code);
          if (!link) links.set(code, (link = { unitId: own[n]!.unitId, role: own[n]!.role }));
          return link;
        }),
      );
    },
    /** A task's due days, ascending: tasks due on the same days share one list. */
    days(due: readonly string[]): readonly string[] {
      return list(`d${due.join(',')}`, () => due.map(text));
    },
  };
}

const ROLES: readonly UnitRole[] = UnitRole.options;

/** Builds the directory and index from the database's rows. Pure. */
export function buildCatalog(rows: SearchRows): Catalog {
  return { directory: unitDirectory(rows), index: new TaskIndex(indexedTasks(rows), rows.plans) };
}

/** The unit directory from the rows of units and their aliases. */
function unitDirectory(rows: Pick<SearchRows, 'units' | 'aliases'>): UnitDirectory {
  const aliases = new Map<number, string[]>();
  for (const alias of rows.aliases) aliases.set(alias.unitId, [...(aliases.get(alias.unitId) ?? []), alias.alias]);
  return new UnitDirectory(rows.units.map((unit) => ({ ...unit, aliases: aliases.get(unit.id) ?? [] })));
}

/** How long the index trusts itself between looks while other instances' commits are heard (a safety net, not the way changes arrive). */
const HEARD_TRUST_MS = 30_000;

/** Most changed tasks patched into the index in place; beyond that it is rebuilt. */
const PATCH_LIMIT = 2_000;

/**
 * The current catalog of one database. A progress report changes a task's
 * state only: that is patched into the index in place (milliseconds); an
 * import, new units or aliases rebuild it (seconds at 100,000 tasks).
 */
export class QuestionCatalog {
  private catalog: Catalog | undefined;
  private fingerprint: SearchFingerprint | undefined;
  private checkedAt = 0;
  /** A write was announced since the last look began. */
  private stale = true;
  /** Writes announced so far. */
  private writes = 0;
  private loading: Promise<Catalog> | undefined;
  /** How the last refresh went, for diagnostics and tests. */
  lastRefresh: 'none' | 'unchanged' | 'patched' | 'rebuilt' = 'none';

  constructor(
    private readonly db: Database,
    /** How long a catalog is trusted before the fingerprint is checked again. */
    private readonly maxAgeMs = 1_000,
  ) {
    db.onIndexedChange(() => this.invalidate());
    // Other instances' writes announced too, where the database can (PostgreSQL); the fingerprint look stays the fallback.
    void db.watchOtherInstances().catch(() => undefined);
  }

  /** The catalog, brought up to date first if the data changed. */
  async current(): Promise<Catalog> {
    // Hearing every other instance's commit, the index looks only every half minute (a write outside a transaction is told just after its commit).
    const trustMs = this.db.hearsOtherInstances() ? Math.max(this.maxAgeMs, HEARD_TRUST_MS) : this.maxAgeMs;
    if (this.catalog && !this.stale && Date.now() - this.checkedAt < trustMs) return this.catalog;
    this.loading ??= this.refresh()
      .catch((error: unknown) => {
        // Looked at nothing for sure: the next question looks again.
        this.stale = true;
        throw error;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** Check for changes on the next question (called by the database after a committed write). */
  private invalidate(): void {
    this.stale = true;
    this.writes++;
  }

  private async refresh(): Promise<Catalog> {
    const { search } = this.db.repos;
    // Counted from before the read (every commit before it is in the fingerprint); a write announced meanwhile is checked for at once.
    const checkedAt = Date.now();
    const writes = this.writes;
    const fingerprint = await search.fingerprint();
    this.checkedAt = checkedAt;
    this.stale = this.writes !== writes;
    const previous = this.fingerprint;
    if (this.catalog && previous && JSON.stringify(previous) === JSON.stringify(fingerprint)) {
      this.lastRefresh = 'unchanged';
      return this.catalog;
    }
    // Only tasks' own rows written (every other count and time the same): perhaps a state change the index can patch.
    const onlyTasksChanged =
      previous !== undefined &&
      previous.tasksAt !== null &&
      (Object.keys(fingerprint) as (keyof SearchFingerprint)[]).every((field) => field === 'tasksAt' || previous[field] === fingerprint[field]);
    if (this.catalog && onlyTasksChanged) {
      const ids = await search.changedSince(previous.tasksAt!);
      if (ids.length <= PATCH_LIMIT) {
        const changed = await search.loadTasks(ids);
        if (changed.removed.length === 0 && this.catalog.index.patch(indexedTasks(changed))) {
          this.fingerprint = fingerprint;
          this.lastRefresh = 'patched';
          return this.catalog;
        }
      }
    }
    // A page of rows at a time, each made into index tasks before the next is read: the rows never all sit in memory.
    const once = sharing();
    const tasks: IndexedTask[] = [];
    const [directoryRows] = await Promise.all([
      search.loadPlansAndUnits(),
      (async () => {
        for await (const page of search.taskPages()) for (const task of indexedTasks(page, once)) tasks.push(task);
      })(),
    ]);
    this.catalog = { directory: unitDirectory(directoryRows), index: new TaskIndex(tasks, directoryRows.plans) };
    this.fingerprint = fingerprint;
    this.lastRefresh = 'rebuilt';
    return this.catalog;
  }
}
