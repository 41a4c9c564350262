/** How /subscribe reads its words: weekday, time and scope in any order. */
import { describe, expect, it } from 'vitest';
import { readSubscriptionArguments } from '../../src/bot/subscription-arguments.js';

describe('subscription arguments', () => {
  it('reads a weekday and a 24-hour time', () => {
    expect(readSubscriptionArguments('周一 09:00')).toEqual({ weekday: 1, time: '09:00', scopeText: '' });
    expect(readSubscriptionArguments('星期五 16：30')).toEqual({ weekday: 5, time: '16:30', scopeText: '' });
  });

  it('reads spoken times', () => {
    expect(readSubscriptionArguments('每周三 9点半')).toEqual({ weekday: 3, time: '09:30', scopeText: '' });
    expect(readSubscriptionArguments('下午4点')).toEqual({ time: '16:00', scopeText: '' });
    expect(readSubscriptionArguments('8点15分 周二')).toEqual({ weekday: 2, time: '08:15', scopeText: '' });
  });

  it('leaves the rest as the scope', () => {
    expect(readSubscriptionArguments('临沂2016要点')).toEqual({ scopeText: '临沂2016要点' });
    expect(readSubscriptionArguments('市财政局 周一 10:00')).toEqual({ weekday: 1, time: '10:00', scopeText: '市财政局' });
  });

  it('says when a time cannot be used', () => {
    expect(readSubscriptionArguments('周一 25:00').problem).toContain('不是有效的时间');
  });
});
