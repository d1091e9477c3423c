import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../domain/dates.js';
import { type PaymentCalendar, paymentCalendar } from './amortization-calendar.js';

describe('paymentCalendar', () => {
  it('clamps month ends like addMonths and counts the days of each period', () => {
    const calendar: PaymentCalendar = paymentCalendar('2024-01-31', 3);
    const { dates, days } = calendar;
    expect(dates).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect([...days]).toEqual([0, 29, 31, 30]);
  });

  it('agrees with addMonths and daysBetween for any start date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        (start, count) => {
          const startDate = start.toISOString().slice(0, 10);
          const { dates, days } = paymentCalendar(startDate, count);
          for (let n = 0; n <= count; n++) {
            expect(dates[n]).toBe(addMonths(startDate, n));
            if (n > 0)
              expect(days[n]).toBe(daysBetween(addMonths(startDate, n - 1), addMonths(startDate, n)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
