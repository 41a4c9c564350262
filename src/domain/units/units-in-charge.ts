/**
 * Which units answer for a task: its lead units (牵头), else its
 * responsible ones (负责), else every unit it names. Reminders go to their
 * liaisons, and the weekly table counts tasks "led" by them.
 */
import type { UnitRole } from '../vocabulary.js';

/** The unit ids in charge of a task. */
export function unitsInCharge(task: { units: readonly { unitId: number; role: UnitRole }[] }): number[] {
  for (const role of ['lead', 'responsible'] as const) {
    const ids = task.units.filter((link) => link.role === role).map((link) => link.unitId);
    if (ids.length > 0) return ids;
  }
  return task.units.map((link) => link.unitId);
}
