import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  isDateString,
  monthOf,
  parseDate,
  toEpochDay,
} from './dates.js';

describe('calendar dates', () => {
  test('accepts real dates and rejects impossible ones', () => {
    expect(isDateString('2024-02-29')).toBe(true);
    expect(isDateString('2025-02-29')).toBe(false);
    expect(isDateString('2025-02-30')).toBe(false);
    expect(isDateString('2025-13-01')).toBe(false);
    expect(isDateString('2025-1-01')).toBe(false);
    expect(isDateString('0001-01-01')).toBe(true);
  });

  test('an impossible date is a ValidationError naming the field', () => {
    expect(() => parseDate('2025-02-30', 'lease.startDate')).toThrow(ValidationError);
    try {
      parseDate('2025-02-30', 'lease.startDate');
    } catch (error) {
      expect((error as ValidationError).fields).toEqual(['lease.startDate']);
    }
  });

  test('month lengths follow the Gregorian rules', () => {
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  test('epoch days are exact, including years before 100', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2026-01-31')).toBe(20484);
    expect(fromEpochDay(toEpochDay('0050-03-01'))).toBe('0050-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  test('addMonths clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 13)).toBe('2026-01-15');
    expect(monthOf('2024-12-15')).toBe('2024-12');
  });

  test('round trips through epoch days (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const date = fromEpochDay(day);
        expect(isDateString(date)).toBe(true);
        expect(toEpochDay(date)).toBe(day);
        expect(daysBetween(date, addDays(date, 45))).toBe(45);
      }),
    );
  });
});
