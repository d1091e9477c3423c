/**
 * Month arithmetic for the demo: months as integers (`year × 12 + month − 1`) so timelines are easy to walk,
 * and back to `YYYY-MM-DD` dates (a day past a month's end is clamped to its last day).
 * @module
 */
import { type DateString, daysInMonth } from '@freehold/engine';

/** A month as an integer: `year × 12 + (month − 1)`. */
export type MonthIndex = number;

/** The month index of a `YYYY-MM-DD` date. */
export function monthIndexOf(date: DateString): MonthIndex {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Year of a month index. */
export function yearOf(month: MonthIndex): number {
  return Math.floor(month / 12);
}

/** Calendar month 1–12 of a month index. */
export function calendarMonthOf(month: MonthIndex): number {
  return month - yearOf(month) * 12 + 1;
}

/** The date of `day` in `month`, clamped to the month's last day. */
export function dateIn(month: MonthIndex, day: number): DateString {
  const year = yearOf(month);
  const calendarMonth = calendarMonthOf(month);
  const clamped = Math.max(1, Math.min(day, daysInMonth(year, calendarMonth)));
  return `${String(year).padStart(4, '0')}-${String(calendarMonth).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** The first day of `month`. */
export function firstDayOf(month: MonthIndex): DateString {
  return dateIn(month, 1);
}

/** The last day of `month`. */
export function lastDayOf(month: MonthIndex): DateString {
  return dateIn(month, 31);
}

/** `YYYY-MM` of a month index. */
export function monthLabel(month: MonthIndex): string {
  return firstDayOf(month).slice(0, 7);
}
