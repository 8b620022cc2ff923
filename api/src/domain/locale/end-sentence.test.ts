import { describe, expect, it } from 'vitest';
import { endSentence } from './end-sentence.ts';

describe('ending a sentence', () => {
  it.each([
    ['a sentence without a full stop gets one', 'Happy birthday', 'Happy birthday.'],
    ['a sentence with a full stop keeps just it', 'Happy birthday.', 'Happy birthday.'],
    ['an exclamation stays', 'Tillykke!', 'Tillykke!'],
    ['an abbreviation’s dot ends the sentence', 'et NPS-svar den 19. mar.', 'et NPS-svar den 19. mar.'],
    ['trailing spaces go', 'Rounding  ', 'Rounding.'],
  ])('%s', (_name, text, expected) => {
    expect(endSentence(text)).toBe(expected);
  });
});
