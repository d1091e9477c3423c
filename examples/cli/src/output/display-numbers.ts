/**
 * Numbers for people: money with thousands separators (from the exact decimal string, never through a float),
 * ratios as percentages or multiples, and a dash where a figure is undefined.
 * @module
 */

/** What an undefined figure (a ratio with a zero denominator) shows as. */
export const MISSING = '—';

/**
 * A money string with thousands separators: `"-1234567.5"` → `"-1,234,567.50"`. The digits are those of the
 * exact decimal string; `minorDigits` pads (never rounds: amounts already carry the currency's digits).
 */
export function displayMoney(amount: string | null | undefined, minorDigits = 2): string {
  if (amount === null || amount === undefined) return MISSING;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = minorDigits === 0 ? '' : `.${fraction.padEnd(minorDigits, '0')}`;
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction);
  return `${isZero ? '' : sign}${grouped}${digits}`;
}

/** A whole-number money amount for compact tables: `"1234567.89"` → `"1,234,568"` (half-up on the cents). */
export function displayWholeMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return MISSING;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  let digits = whole;
  if ((fraction[0] ?? '0') >= '5') digits = incrementDigits(digits);
  return displayMoney(`${sign}${digits}`, 0);
}

function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

/** A ratio as a percentage with `decimals` places: `0.0654` → `"6.54%"`; null → a dash. */
export function displayPercent(ratio: number | null | undefined, decimals = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING;
  return `${(ratio * 100).toFixed(decimals)}%`;
}

/** A coverage ratio as a multiple: `1.4567` → `"1.46x"`; null → a dash. */
export function displayMultiple(ratio: number | null | undefined, decimals = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING;
  return `${ratio.toFixed(decimals)}x`;
}

/** An integer count with thousands separators: `12345` → `"12,345"`. */
export function displayCount(count: number): string {
  return displayMoney(String(Math.trunc(count)), 0);
}
