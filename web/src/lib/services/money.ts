// Money typed by a person: "150", "150.50" or "150,50" of a currency, to and from the API's minor
// units (øre, cents), with the currency's own number of decimals (ISO 4217, as Intl knows them).

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "1 200,50" → 120050 for DKK; null when it is not an amount (the API then says what is wrong). */
export function toMinor(amount: string, currency: string): number | null {
  const cleaned = amount.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10 ** currencyDigits(currency));
}

/** 120050 DKK → "1200.50": what an amount field shows to be edited. */
export function toMajor(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}
