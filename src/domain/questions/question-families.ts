/**
 * The question families beyond "which tasks": each a declared module that
 * recognises its own questions ("中山市有多少项任务", "最近谁报了进度") and
 * says what they ask, tried in order before a question is read as a task
 * search. A family answers with its own Answer kind (answer-service) and
 * card (bot/cards). Adding a family is one module and one line here.
 */
import type { Question } from './question.js';
import type { Asker } from './question-parser.js';
import type { UnitDirectory } from './unit-directory.js';
import { updatesQuestionFamily } from './updates-question.js';
import { parseStatsQuestion } from './stats-question.js';

/** A kind of question the bot understands, declared once. */
export interface QuestionFamily {
  /** The family's name, as the question corpus (test/fixtures/questions) calls it. */
  name: string;
  /** What the question asks, or undefined when it is not one of this family's. */
  parse(text: string, directory: UnitDirectory, asker: Asker): Question | undefined;
}

/** Every family, most specific first. */
export const QUESTION_FAMILIES: readonly QuestionFamily[] = [
  updatesQuestionFamily,
  { name: 'stats', parse: parseStatsQuestion },
];
