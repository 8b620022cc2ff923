const cache = new Map<string, number>();

/**
 * How many digits a currency's minor unit has (DKK 2, JPY 0, KWD 3), from Intl's ISO 4217 data so
 * no table of ours goes stale. A code Intl refuses counts as 2, the common case.
 */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = cache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    cache.set(code, digits);
  }
  return digits;
}
