/**
 * How a person's name is told from other words in a question: it starts
 * with a common surname. Shared by the families that read a name — a leader
 * or liaison asked about ("张三负责什么"), the one who reported ("张联络报了哪些
 * 进度"), and a liaison standing for their bureau ("陈志强他们局"). Pure.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../people/surnames.js';

/** The common surnames, and 区 (a Cantonese surname: 区志明) — a question is not a plan, where 区 opens every district's unit. */
const SURNAMES = `${SINGLE_SURNAMES}区`;
/** A surname as a regex source. */
export const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`;
