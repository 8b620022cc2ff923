import { describe, expect, it } from 'vitest';
import { weekdayMorning } from './weekday-morning.ts';

describe('weekday mornings in the organization’s time zone', () => {
  it('a Saturday moves to Monday morning, Copenhagen time', () => {
    // Saturday 13 June 2026, summer time (UTC+2).
    expect(weekdayMorning(new Date('2026-06-13T12:00:00Z'), 0, 'Europe/Copenhagen')).toEqual(
      new Date('2026-06-15T06:00:00Z'),
    );
  });

  it('the spread places a customer within the 08:00–11:00 window', () => {
    expect(weekdayMorning(new Date('2026-01-05T00:00:00Z'), 0.5, 'Europe/Copenhagen')).toEqual(
      new Date('2026-01-05T08:30:00Z'),
    );
  });

  it('after this morning’s slot it is the next weekday’s', () => {
    expect(weekdayMorning(new Date('2026-01-09T12:00:00Z'), 0, 'Europe/Oslo')).toEqual(
      new Date('2026-01-12T07:00:00Z'),
    );
  });
});
