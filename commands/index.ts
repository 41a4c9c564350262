/**
 * The registry of slash commands: every command module is imported and listed
 * here explicitly, in the order /help shows them. Nothing is discovered on disk.
 */
import type { AnyCommand } from '../src/bot/command-context.js';
import { aliasCommand } from './alias.js';
import { bindCommand } from './bind.js';
import { correctCommand } from './correct.js';
import { doneCommand } from './done.js';
import { dueCommand } from './due.js';
import { exportCommand } from './export.js';
import { findTasksCommand } from './find.js';
import { importCommand } from './import.js';
import { mineCommand } from './mine.js';
import { overdueCommand } from './overdue.js';
import { plansCommand } from './plans.js';
import { progressCommand } from './progress.js';
import { reviewCommand } from './review.js';
import { subscribeCommand } from './subscribe.js';
import { summaryCommand } from './summary.js';
import { taskCommand } from './task.js';
import { unbindCommand } from './unbind.js';
import { unitsCommand } from './units.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { whoamiCommand } from './whoami.js';

/** Every slash command the bot understands. */
export const commands: readonly AnyCommand[] = [
  progressCommand,
  doneCommand,
  reviewCommand,
  taskCommand,
  mineCommand,
  findTasksCommand,
  overdueCommand,
  dueCommand,
  plansCommand,
  unitsCommand,
  exportCommand,
  summaryCommand,
  subscribeCommand,
  unsubscribeCommand,
  bindCommand,
  unbindCommand,
  whoamiCommand,
  aliasCommand,
  correctCommand,
  importCommand,
];
