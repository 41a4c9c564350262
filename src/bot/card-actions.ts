/**
 * Every card button the bot draws, declared once: its action name and a zod
 * schema of the value it carries. Renderers build a button's value only
 * through its declaration (`CARD_ACTIONS.task_detail.value({ taskId })`, type
 * checked; `button()` takes nothing else), and the registry
 * (card-action-registry.ts) refuses to start when a declared action has no
 * handler, a handler has no declaration, or two handlers take one name; a
 * pressed value that does not fit its schema is a spent button before any
 * handler runs. Renaming an action is one edit here, and the compiler finds
 * the rest.
 */
import { z } from 'zod';
import type { TaskQuery } from '../domain/questions/question.js';
import { ButtonId } from './card-values.js';

declare const DECLARED: unique symbol;

/** A button's value made by a declaration (nothing else is accepted by `button()`). */
export type ButtonValue = Record<string, unknown> & { readonly [DECLARED]: true };

/** The views of the task card a button can switch to. */
export const TASK_CARD_VIEWS = ['summary', 'progress_form', 'close_form', 'history'] as const;

/** One declared action: its name, the schema of its value, and the maker of its buttons' values. */
export interface CardActionDeclaration<N extends string = string, S extends z.ZodRawShape = z.ZodRawShape> {
  name: N;
  /** The whole value as pressed: `action` and the declared fields (other keys are ignored). */
  schema: z.ZodObject<{ action: z.ZodLiteral<N> } & S>;
  /** What a button of this action carries. */
  value(fields: z.input<z.ZodObject<S>>): ButtonValue;
}

function declare<const N extends string, S extends z.ZodRawShape>(name: N, shape: S): CardActionDeclaration<N, S> {
  const schema = z.object({ action: z.literal(name), ...shape }) as unknown as CardActionDeclaration<N, S>['schema'];
  return { name, schema, value: (fields) => ({ action: name, ...(fields as object) }) as unknown as ButtonValue };
}

const Ids = z.array(z.number().int().positive()).max(500).readonly();
/** A structured question carried by a button (its handler checks its shape further). */
const Question = z.custom<TaskQuery>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

/** Every card action, by name. */
export const CARD_ACTIONS = {
  /** Another page of an answer's list, or the tasks behind a figure: the structured question to answer. */
  answer_page: declare('answer_page', { question: Question }),
  /** Another page of the plans list. */
  plans_page: declare('plans_page', { page: ButtonId }),
  /** A task's detail, sent as a new card. */
  task_detail: declare('task_detail', { taskId: ButtonId }),
  /** An example question, answered as if typed. */
  ask: declare('ask', { text: z.string().min(1).max(300) }),
  /** The task card switched to another view. */
  task_card: declare('task_card', { taskId: ButtonId, view: z.enum(TASK_CARD_VIEWS).optional() }),
  /** The task card's progress form submitted. */
  task_progress_submit: declare('task_progress_submit', { taskId: ButtonId }),
  /** The task card's closure form submitted. */
  task_close_submit: declare('task_close_submit', { taskId: ButtonId }),
  /** 通过 / 退回 on a closure review card. */
  closure_review: declare('closure_review', { taskId: ButtonId, approve: z.boolean().optional() }),
  /** 通过 / 拒绝 on a liaison request. */
  grant_review: declare('grant_review', { grantId: ButtonId, approve: z.boolean().optional() }),
  /** 导入 on the import card. */
  import_confirm: declare('import_confirm', { jobId: ButtonId }),
  /** 不导入 on the import card (a card from before previews carries no job). */
  import_cancel: declare('import_cancel', { jobId: ButtonId.optional() }),
  /** 导入 on a card from before previews: the file itself. */
  import_file: declare('import_file', { messageId: z.string().min(1).max(100), fileKey: z.string().min(1).max(200), fileName: z.string().min(1).max(300) }),
  /** The subscription card's form saved. */
  subscription_save: declare('subscription_save', {}),
  /** 退订 on the subscription card. */
  subscription_stop: declare('subscription_stop', {}),
  /** 预览本周周报 on the subscription card. */
  subscription_preview: declare('subscription_preview', {}),
  /** 查看逾期任务 on the weekly card, in its scope. */
  weekly_overdue: declare('weekly_overdue', { plans: Ids, units: Ids }),
  /** 查看需关注任务 on the weekly card: exactly the yellow tasks it counted, in its scope (a page of them: in place). */
  weekly_attention: declare('weekly_attention', { plans: Ids, units: Ids, page: ButtonId.optional() }),
  /** 我的单位 on the weekly card. */
  weekly_mine: declare('weekly_mine', {}),
  /** 导出台账 on the weekly card, in its scope. */
  weekly_export: declare('weekly_export', { plans: Ids, units: Ids }),
  /** 一周内不再提醒 on a reminder. */
  reminder_snooze: declare('reminder_snooze', { taskIds: Ids }),
} as const;

/** The name of a declared action. */
export type CardActionName = keyof typeof CARD_ACTIONS;
