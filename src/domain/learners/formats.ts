/**
 * Hand-written format checks: they run on every row of files of up to 100,000 rows, where a
 * schema library's per-value allocations are measurable (see the learner-csv benchmark).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "2026-11-22" or "11/22/2026" (as US spreadsheets write dates) → "2026-11-22"; anything else → null. */
export function parseDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso !== null) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = US_DATE.exec(text);
  if (us !== null) return calendarDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  // Years outside this range are typos (0202, 20226) rather than hire dates.
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
