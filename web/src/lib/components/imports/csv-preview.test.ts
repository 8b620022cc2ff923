import { describe, expect, test } from 'vitest';
import { previewCsv } from './csv-preview';

describe('the preview of the mapping step', () => {
  test('reads a Danish spreadsheet: semicolons, a BOM, quoted cells holding the delimiter', () => {
    expect(previewCsv('\uFEFFKundenummer;Navn;Beløb\r\nK-1;"Holm; Mette";1.234,50\r\nK-2;Bo;10\r\n')).toEqual({
      columns: ['Kundenummer', 'Navn', 'Beløb'],
      rows: [
        ['K-1', 'Holm; Mette', '1.234,50'],
        ['K-2', 'Bo', '10'],
      ],
    });
  });

  test('shows the first rows only, even when the text ends mid-row', () => {
    const text = ['id,name', ...Array.from({ length: 20 }, (_, i) => `${i},Kunde ${i}`)].join('\n') + '\n99,"unfini';
    expect(previewCsv(text, 3).rows).toEqual([
      ['0', 'Kunde 0'],
      ['1', 'Kunde 1'],
      ['2', 'Kunde 2'],
    ]);
  });
});
