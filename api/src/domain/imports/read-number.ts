/**
 * A number as a spreadsheet writes it, scaled to a whole number of `fractionDigits` decimals
 * ("1.234,50" with a decimal comma and 2 digits → 123450), or null when it is not one or has
 * more decimals than that. The other separator and spaces group thousands. A semicolon file is
 * what a Danish spreadsheet writes, with decimal commas; a comma file uses decimal points.
 */
export function readNumber(text: string, decimalSeparator: ',' | '.', fractionDigits: number): number | null {
  const grouping = decimalSeparator === ',' ? '.' : ',';
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(-?)(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  // The separator before the fraction must be the decimal one, and the groups must use the other.
  const decimalAt = fraction ? compact.length - fraction.length - 1 : -1;
  if (decimalAt >= 0 && compact[decimalAt] !== decimalSeparator) {
    // "1.234" in a decimal-comma file is one thousand two hundred and thirty-four.
    if (compact[decimalAt] === grouping && fraction.length === 3)
      return readNumber(text.replace(grouping, ''), decimalSeparator, fractionDigits);
    return null;
  }
  if (whole.includes(decimalSeparator)) return null;
  if (fraction.length > fractionDigits) return null;
  const digits = whole.replaceAll(grouping, '') + fraction.padEnd(fractionDigits, '0');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}
