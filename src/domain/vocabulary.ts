/**
 * The closed sets of values the domain uses (kinds, roles, statuses). They are
 * stored as strings so both databases behave alike; these zod enums are the
 * one place that says which strings are valid.
 */
import { z } from 'zod';

/** A node of a plan: a category heading, a task, or a numbered sub-requirement. */
export const TaskKind = z.enum(['category', 'task', 'requirement']);
export type TaskKind = z.infer<typeof TaskKind>;

/** Where a task stands. `pending_review` waits for a supervisor after /done. */
export const TaskStatus = z.enum(['open', 'in_progress', 'blocked', 'pending_review', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** The part a unit takes in a task: 牵头 / 负责·责任 / 配合·协同. */
export const UnitRole = z.enum(['lead', 'responsible', 'cooperating']);
export type UnitRole = z.infer<typeof UnitRole>;

/** How a unit sits in the government: used to tell 市财政局 from 各镇区. */
export const UnitLevel = z.enum(['city', 'district', 'county', 'town', 'section', 'collective', 'other']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** What kind of deadline a text gives. */
export const DeadlineKind = z.enum(['date', 'recurring', 'continuous', 'event', 'none']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** Period of a recurring deadline. */
export const Recurrence = z.enum(['yearly', 'half_yearly', 'quarterly', 'monthly']);
export type Recurrence = z.infer<typeof Recurrence>;

/** A role a person may hold. */
export const RoleName = z.enum(['admin', 'supervisor', 'liaison']);
export type RoleName = z.infer<typeof RoleName>;

/** Life of a role grant: requested, in force, or withdrawn. */
export const GrantState = z.enum(['pending', 'active', 'revoked']);
export type GrantState = z.infer<typeof GrantState>;

/** What an outbox row asks the platform to do. */
export const OutboxAction = z.enum(['send', 'reply', 'patch', 'card_update']);
export type OutboxAction = z.infer<typeof OutboxAction>;

/** Delivery state of an outbox row. */
export const OutboxState = z.enum(['pending', 'sent', 'failed']);
export type OutboxState = z.infer<typeof OutboxState>;

/** Chinese labels shown to users for each unit role. */
export const UNIT_ROLE_LABEL: Record<UnitRole, string> = {
  lead: '牵头',
  responsible: '负责',
  cooperating: '配合',
};

/** Chinese labels shown to users for each task status. */
export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  open: '未开始',
  in_progress: '进行中',
  blocked: '受阻',
  pending_review: '待审核',
  done: '已完成',
};

const STATUS_OR_OPEN = TaskStatus.catch('open');

/** The label of a status as stored, an unknown one shown as 未开始: one schema for every card row (building it per row showed in profiles). */
export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABEL[STATUS_OR_OPEN.parse(status)];
}
