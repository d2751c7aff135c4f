import { describe, expect, it } from 'vitest';
import { presetPeriod, previousSixMonths, quarterLabel, quarterOf } from '../../src/shared/periods';

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
