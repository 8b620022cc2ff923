// The first rows of a chosen file, read in the browser for the mapping step: the headers and a
// few rows under them, parsed by csv-parse as the API parses the whole file (same delimiter rule).
import { parse } from 'csv-parse/browser/esm/sync';

export interface CsvPreview {
  columns: string[];
  rows: string[][];
}

/** Enough of a file for a header and a few rows, however long their lines. */
const HEAD_BYTES = 64 * 1024;

export function previewCsv(text: string, rows = 5): CsvPreview {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // The slice may end inside a row: read no further than the rows shown.
    to_line: rows + 1,
  });
  const [header = [], ...body] = records;
  return { columns: header.map((cell) => cell.trim()), rows: body.slice(0, rows) };
}

export async function previewFile(file: File, rows = 5): Promise<CsvPreview> {
  return previewCsv(await file.slice(0, HEAD_BYTES).text(), rows);
}
