/**
 * Who is acting, as the server knows them: the roles a person holds, read
 * from BOT_ADMINS and the active grants in the database. Every permission
 * check goes through this, never through anything a card or command claims.
 */
import type { Repositories } from '../../repositories/index.js';
import type { RoleName } from '../vocabulary.js';

/** A person's standing: administrator, supervisor (of every plan or some), liaison of units. */
export interface Actor {
  openId: string;
  isAdmin: boolean;
  /** Plans the person supervises; 'all' for a supervisor without a plan, or an administrator. */
  supervises: 'all' | readonly number[];
  /** Units the person is an active liaison of. */
  liaisonUnitIds: readonly number[];
}

/** What an action needs: anyone in the tenant, or holders of a role (administrators hold every role). */
export type Permission = 'anyone' | RoleName;

/** Reads a person's standing. */
export async function loadActor(repos: Repositories, openId: string, admins: readonly string[]): Promise<Actor> {
  const grants = await repos.people.grantsOf(openId, 'active');
  const isAdmin = admins.includes(openId) || grants.some((grant) => grant.role === 'admin');
  const supervisorGrants = grants.filter((grant) => grant.role === 'supervisor');
  const supervises = isAdmin || supervisorGrants.some((grant) => grant.planId === null) ? 'all' : supervisorGrants.map((grant) => grant.planId!);
  const liaisonUnitIds = [...new Set(grants.filter((grant) => grant.role === 'liaison' && grant.unitId !== null).map((grant) => grant.unitId!))];
  return { openId, isAdmin, supervises, liaisonUnitIds };
}

/** Whether someone supervises a plan (administrators supervise all). */
export function supervisesPlan(actor: Actor, planId: number): boolean {
  return actor.supervises === 'all' || actor.supervises.includes(planId);
}

/** Whether someone holds a permission. */
export function holds(actor: Actor, permission: Permission): boolean {
  switch (permission) {
    case 'anyone':
      return true;
    case 'admin':
      return actor.isAdmin;
    case 'supervisor':
      return actor.isAdmin || actor.supervises === 'all' || actor.supervises.length > 0;
    case 'liaison':
      return actor.isAdmin || actor.liaisonUnitIds.length > 0;
  }
}

/** Who may do what a permission guards, in words for a refusal. */
export const PERMISSION_HOLDERS: Record<Exclude<Permission, 'anyone'>, string> = {
  admin: '管理员',
  supervisor: '督查人员或管理员',
  liaison: '单位联络员或管理员',
};
