/**
 * Counts written with a comma between thousands, as `toLocaleString('en-US')` writes
 * them, without starting the Intl number formatter: its first use costs about 12 ms,
 * which every `ddd` command and the language server's start would pay for one
 * sentence that may never be shown.
 */

/** 1234567 → "1,234,567" (rounded to a whole number; `-1234` → "-1,234"). */
export function thousands(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value);
  const whole = Math.abs(rounded);
  // past 1e21 String() writes an exponent
  if (whole >= 1e21) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const digits = String(whole);
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = digits.slice(Math.max(0, end - 3), end) + (grouped ? ',' + grouped : '');
  return (rounded < 0 ? '-' : '') + grouped;
}
