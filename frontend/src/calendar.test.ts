import { describe, expect, it } from 'vitest';
import { calendarDate, calendarDateTime, calendarMonth } from './calendar';

describe('the service calendar’s days', () => {
  it('are Rome’s between midnight in Rome and midnight UTC', () => {
    const lateInUtc = new Date('2026-12-31T23:30:00Z');
    expect(calendarDate('Europe/Rome', lateInUtc)).toBe('2027-01-01');
    expect(calendarMonth('Europe/Rome', lateInUtc)).toBe('2027-01');
    expect(calendarDate('UTC', lateInUtc)).toBe('2026-12-31');
  });

  it('follow summer time', () => {
    expect(calendarDate('Europe/Rome', new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(calendarDate('Europe/Rome', new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('show a moment in the calendar’s zone, not the browser’s', () => {
    expect(calendarDateTime('Europe/Rome', '2026-12-07T06:00:00Z', 'it')).toBe('07/12/26, 07:00');
  });

  it('write the moment as the reader’s language does', () => {
    expect(calendarDateTime('Europe/Rome', '2026-12-07T06:00:00Z', 'de')).toBe('07.12.26, 07:00');
  });
});
