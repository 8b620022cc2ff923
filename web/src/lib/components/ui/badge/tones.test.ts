// The colours of severity and risk are text (a badge, the gauge's level): each must read at 4.5:1
// or more on the white surface and on its own tinted background (WCAG AA).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const css = readFileSync(fileURLToPath(new URL('../../../../app.css', import.meta.url)), 'utf8');
const token = (name: string): string => {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6});`).exec(css);
  if (!match) throw new Error(`app.css has no --${name}`);
  return match[1];
};

function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

describe('severity and risk colours', () => {
  test.each(['critical', 'warning', 'info', 'success', 'accent'])('%s text reads at 4.5:1 or more', (tone) => {
    expect(contrast(token(tone), token('surface'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token(tone), token(`${tone}-bg`))).toBeGreaterThanOrEqual(4.5);
  });

  test('muted text reads at 4.5:1 or more on the surfaces it is used on', () => {
    expect(contrast(token('muted'), token('surface'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token('muted'), token('surface-muted'))).toBeGreaterThanOrEqual(4.5);
  });
});
