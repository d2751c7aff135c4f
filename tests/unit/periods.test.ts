import { describe, expect, it } from 'vitest';
import { presetPeriod, previousSixMonths, quarterLabel, quarterOf, readTypedPeriod } from '../../src/shared/periods';

describe('periods a chapter reads its figures over', () => {
  it('calendar quarters', () => {
    expect(quarterOf('2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('last_quarter', '2026-01-15')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quarterLabel(quarterOf('2026-05-01'))).toBe('Q2 2026');
  });
  it('months, the previous completed six months and a rolling year', () => {
    expect(presetPeriod('last_month', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousSixMonths('2026-11-22')).toEqual({ from: '2026-05-01', to: '2026-10-31' });
    expect(presetPeriod('rolling_12_months', '2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
  });
});

describe('dates typed into the period picker (Outcomes, Recognition, Scorecard, Reports, Reciprocity, a member’s page)', () => {
  it('a real day is used exactly as typed: 2026-12-25 stays Christmas, never rolled over to 2026-01-01', () => {
    expect(readTypedPeriod({ from: '2026-10-01', to: '2026-12-25' })).toEqual({ kind: 'period', period: { from: '2026-10-01', to: '2026-12-25' } });
    expect(readTypedPeriod({ from: ' 2026-02-28 ', to: '2026-02-28' })).toEqual({ kind: 'period', period: { from: '2026-02-28', to: '2026-02-28' } });
  });
  it('a day that does not exist, a month 13 or a day written the other way is refused with a sentence naming the field, never rolled over', () => {
    expect(readTypedPeriod({ from: '2026-02-30', to: '2026-03-31' })).toEqual({
      kind: 'not_a_day',
      from: 'From must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "2026-02-30").',
      to: null,
    });
    expect(readTypedPeriod({ from: '2026-10-01', to: '2026-13-01' })).toMatchObject({ kind: 'not_a_day', from: null, to: expect.stringContaining('To must be a real date') });
    expect(readTypedPeriod({ from: '25/12/2026', to: '' })).toEqual({
      kind: 'not_a_day',
      from: 'From must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "25/12/2026").',
      to: 'Type the To date (YYYY-MM-DD, e.g. 2026-11-14).',
    });
  });
  it('two real days the wrong way round are shown back, not used', () => {
    expect(readTypedPeriod({ from: '2026-09-01', to: '2026-05-31' })).toEqual({ kind: 'backwards', period: { from: '2026-09-01', to: '2026-05-31' } });
  });
});
