/**
 * An administrator's new name for a unit (/alias 市发改局 = 市发展改革局):
 * recorded as an alias of that unit in its jurisdiction, refused when the
 * name already means another unit there, with an audit entry.
 */
import type { Repositories } from '../../repositories/index.js';
import type { BoundUnit } from '../people/liaison-binding.js';
import type { UnitDirectory } from '../questions/unit-directory.js';

/** Why an alias was not added, in words for the administrator. */
export class AliasRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AliasRefused';
  }
}

/** Adds `alias` as another name of `unit`. */
export async function addUnitAlias(repos: Repositories, input: { alias: string; unit: BoundUnit; directory: UnitDirectory; by: string }): Promise<void> {
  const { alias, unit } = input;
  if (alias === unit.name) throw new AliasRefused(`“${alias}”就是这个单位的名称，不需要别名。`);
  const means = input.directory
    .findMentions(alias)
    .filter((mention) => mention.start === 0 && mention.end === alias.length && !mention.fuzzy)
    .flatMap((mention) => mention.unitIds)
    .map((id) => input.directory.unit(id)!)
    .filter((other) => other.jurisdiction === unit.jurisdiction);
  if (means.some((other) => other.id === unit.id) && (await repos.units.aliases(unit.jurisdiction)).some((row) => row.alias === alias)) {
    throw new AliasRefused(`“${alias}”已经是${unit.jurisdiction}${unit.name}的别名了。`);
  }
  const other = means.find((candidate) => candidate.id !== unit.id && (candidate.name === alias || candidate.aliases.includes(alias)));
  if (other) throw new AliasRefused(`在${unit.jurisdiction}，“${alias}”已经指${other.name}，不能再作为${unit.name}的别名。`);
  if (!(await repos.units.addAlias(unit.id, alias, 'admin'))) throw new AliasRefused(`在${unit.jurisdiction}，“${alias}”已经是另一个单位的名称或别名。`);
  await repos.audit.record({ actor: input.by, action: 'alias.add', entityType: 'unit', entityId: unit.id, after: { alias, jurisdiction: unit.jurisdiction } });
}
