/**
 * Announces writes to the data questions are answered from (plans, tasks,
 * their units and deadlines, units and aliases), so the question index
 * refreshes without anyone remembering to tell it: the repositories list
 * their writing methods once, here, and the database passes the notice on
 * after the transaction that made them commits.
 */
import type { PlanRepository } from './plan-repository.js';
import type { TaskRepository } from './task-repository.js';
import type { UnitRepository } from './unit-repository.js';

/** The methods that change indexed data, per repository (a new writer is added here, or the index goes stale). */
export const INDEXED_WRITES = {
  plans: ['upsert', 'removeDemo'],
  tasks: ['upsert', 'replaceUnits', 'replaceDeadlines', 'markRemovedExcept', 'syncPlan', 'correct', 'setState', 'moveState'],
  units: ['findOrCreate', 'createMany', 'addAlias', 'addAliases', 'merge'],
} as const satisfies { plans: readonly (keyof PlanRepository)[]; tasks: readonly (keyof TaskRepository)[]; units: readonly (keyof UnitRepository)[] };

/** Makes each named async method of `repository` call `changed` once it has written. */
export function announceWrites<T extends object>(repository: T, methods: readonly (keyof T)[], changed: () => void): T {
  for (const name of methods) {
    const original = repository[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(repository, name, {
      value: async (...args: unknown[]) => {
        const result = await original.apply(repository, args);
        changed();
        return result;
      },
    });
  }
  return repository;
}
