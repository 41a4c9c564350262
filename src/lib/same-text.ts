/**
 * Compares a secret a request brings (a signature, a token, a cookie) with
 * the expected one in constant time: both are hashed first, so neither
 * their content nor their length shows in the time the comparison takes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether two texts are equal, in time that does not depend on them. */
export function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
