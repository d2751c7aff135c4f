// How long ago a follow-up or a visit was, as the Visitors screen says it: never "1 days ago" or "0 days ago".
import { describe, expect, it } from 'vitest';
import { dayCount, daysAgo } from '../../src/renderer/days-ago';

describe('days ago, in plain words', () => {
  it('today, yesterday, then days', () => {
    expect(daysAgo(0)).toBe('today');
    expect(daysAgo(1)).toBe('yesterday');
    expect(daysAgo(2)).toBe('2 days ago');
    expect(daysAgo(400)).toBe('400 days ago');
  });
  it('a day typed for later reads ahead, not as a negative number of days ago', () => {
    expect(daysAgo(-1)).toBe('in 1 day');
    expect(daysAgo(-3)).toBe('in 3 days');
  });
  it('a count of days is singular for one', () => {
    expect(dayCount(1)).toBe('1 day');
    expect(dayCount(0)).toBe('0 days');
    expect(dayCount(77)).toBe('77 days');
  });
});
