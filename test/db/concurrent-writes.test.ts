/**
 * A write made outside a transaction while another transaction is open is
 * its own: it is kept when that transaction rolls back, and the
 * transaction does not see it. (On SQLite every statement shares one
 * connection, so this needs the connection serialised.)
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('writes beside an open transaction', ({ db }) => {
  it('an event stored while another transaction is open survives that transaction rolling back', async () => {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = db()
      .transaction(async (repos) => {
        await repos.events.record('evt-inside', 'message', '{}');
        opened();
        await held;
        throw new Error('the work failed');
      })
      .catch((error: Error) => error.message);
    await isOpen;
    const outside = db().repos.events.record('evt-outside', 'message', '{}');
    // Let the outside write run (or wait its turn) before the transaction ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await rolledBack).toBe('the work failed');
    expect(await outside).toBe(true);
    expect(await db().repos.events.get('evt-outside')).toBeDefined();
    expect(await db().repos.events.get('evt-inside')).toBeUndefined();
  });
});
