/**
 * The text with exactly one full stop at its end: staff write reasons with or without one, and
 * Nordic abbreviations ("19. mar.", "kr.") already end with a dot that must not be doubled.
 */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
