/**
 * People the bot knows (by Lark open_id) and the roles they hold: admin,
 * supervisor (督查室, for every plan or one), liaison (联络员) of a unit.
 */
import { GrantState, RoleName } from '../domain/vocabulary.js';
import type { Db } from './client.js';
import { date, hotSql, int, intOrNull } from './hot-sql.js';

/** A person. */
export interface PersonRecord {
  id: number;
  openId: string;
  name: string;
}

/** A role held, requested or withdrawn. */
export interface RoleGrantRecord {
  id: number;
  personId: number;
  openId: string;
  role: RoleName;
  unitId: number | null;
  planId: number | null;
  state: GrantState;
  grantedBy: string | null;
  createdAt: Date;
}

/** What a new grant holds. */
export interface RoleGrantInput {
  personId: number;
  role: RoleName;
  unitId?: number | null;
  planId?: number | null;
  state: GrantState;
  grantedBy?: string | null;
}

const grantSelect = {
  id: true,
  personId: true,
  role: true,
  unitId: true,
  planId: true,
  state: true,
  grantedBy: true,
  createdAt: true,
  person: { select: { openId: true } },
} as const;

function toGrant(row: {
  id: number;
  personId: number;
  role: string;
  unitId: number | null;
  planId: number | null;
  state: string;
  grantedBy: string | null;
  createdAt: Date;
  person: { openId: string };
}): RoleGrantRecord {
  const { person, ...rest } = row;
  return { ...rest, openId: person.openId, role: RoleName.parse(row.role), state: GrantState.parse(row.state) };
}

/** Reads and writes people and their role grants. */
export class PersonRepository {
  constructor(private readonly db: Db) {}

  /** The person with this open_id, created if new; a non-empty name is kept up to date. */
  async upsert(openId: string, name = ''): Promise<PersonRecord> {
    return this.db.person.upsert({
      where: { openId },
      create: { openId, name },
      update: name ? { name } : {},
      select: { id: true, openId: true, name: true },
    });
  }

  /** The person with this open_id, if known. */
  async findByOpenId(openId: string): Promise<PersonRecord | undefined> {
    const row = await this.db.person.findUnique({ where: { openId }, select: { id: true, openId: true, name: true } });
    return row ?? undefined;
  }

  /** People known by this name (names are not unique): "张联络报了哪些进度" names a person, not an open_id. */
  async named(name: string): Promise<PersonRecord[]> {
    return this.db.person.findMany({ where: { name }, orderBy: { id: 'asc' }, select: { id: true, openId: true, name: true } });
  }

  /** Records a grant (or a request for one, with state 'pending'). */
  async grant(input: RoleGrantInput): Promise<RoleGrantRecord> {
    const row = await this.db.roleGrant.create({
      data: {
        personId: input.personId,
        role: input.role,
        unitId: input.unitId ?? null,
        planId: input.planId ?? null,
        state: input.state,
        grantedBy: input.grantedBy ?? null,
      },
      select: grantSelect,
    });
    return toGrant(row);
  }

  /** Moves a grant to another state (approve, revoke). */
  async setGrantState(grantId: number, state: GrantState, by: string): Promise<RoleGrantRecord> {
    const row = await this.db.roleGrant.update({
      where: { id: grantId },
      data: { state, grantedBy: by },
      select: grantSelect,
    });
    return toGrant(row);
  }

  /**
   * Moves a grant from `from` to `to` only if it is still in `from`: of two
   * reviewers deciding at once, one wins and the other gets undefined.
   */
  async decideGrant(grantId: number, from: GrantState, to: GrantState, by: string): Promise<RoleGrantRecord | undefined> {
    const result = await this.db.roleGrant.updateMany({ where: { id: grantId, state: from }, data: { state: to, grantedBy: by } });
    return result.count === 1 ? this.getGrant(grantId) : undefined;
  }

  /** A grant by id. */
  async getGrant(grantId: number): Promise<RoleGrantRecord | undefined> {
    const row = await this.db.roleGrant.findUnique({ where: { id: grantId }, select: grantSelect });
    return row ? toGrant(row) : undefined;
  }

  /** The grants of a person in a state (active by default). */
  async grantsOf(openId: string, state: GrantState = 'active'): Promise<RoleGrantRecord[]> {
    // Read on every event (who is asking): one joined statement past the query compiler, not Prisma's two.
    const rows = await hotSql(this.db).query`
      SELECT g."id", g."personId", g."role", g."unitId", g."planId", g."state", g."grantedBy", g."createdAt", p."openId"
      FROM "RoleGrant" g JOIN "Person" p ON p."id" = g."personId"
      WHERE p."openId" = ${openId} AND g."state" = ${state}
      ORDER BY g."id" ASC`;
    return rows.map((row) => ({
      id: int(row.id),
      personId: int(row.personId),
      openId: String(row.openId),
      role: RoleName.parse(row.role),
      unitId: intOrNull(row.unitId),
      planId: intOrNull(row.planId),
      state: GrantState.parse(row.state),
      grantedBy: row.grantedBy === null || row.grantedBy === undefined ? null : String(row.grantedBy),
      createdAt: date(row.createdAt),
    }));
  }

  /** Active holders of a role, optionally for one unit or one plan (plan-less grants included). */
  async holders(role: RoleName, scope: { unitId?: number; planId?: number } = {}): Promise<RoleGrantRecord[]> {
    const rows = await this.db.roleGrant.findMany({
      where: {
        role,
        state: 'active',
        ...(scope.unitId !== undefined ? { unitId: scope.unitId } : {}),
        ...(scope.planId !== undefined ? { OR: [{ planId: scope.planId }, { planId: null }] } : {}),
      },
      orderBy: { id: 'asc' },
      select: grantSelect,
    });
    return rows.map(toGrant);
  }
}
