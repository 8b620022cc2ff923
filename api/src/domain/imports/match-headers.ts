import type { ImportKind } from '../types.ts';
import { headerKey, IMPORT_FIELDS } from './import-fields.ts';

export interface ColumnMapping {
  column: string;
  /** null: the column is ignored. */
  field: string | null;
}

/** Each column to the field its header names; a field is filled by its first such column only. */
export function matchHeaders(kind: ImportKind, columns: string[]): ColumnMapping[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    const key = headerKey(column);
    const field = IMPORT_FIELDS[kind].find(
      (candidate) =>
        !taken.has(candidate.name) &&
        (headerKey(candidate.name) === key || candidate.headers.some((header) => headerKey(header) === key)),
    );
    if (!field) return { column, field: null };
    taken.add(field.name);
    return { column, field: field.name };
  });
}
