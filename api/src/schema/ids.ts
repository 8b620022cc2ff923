import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../domain/errors.ts';

/**
 * The database id inside a global id of `typename`. A malformed id, one of another type and one
 * of another organization all answer the same NotFoundError.
 */
export function rawId(globalId: string, typename: string, what = typename): string {
  const id = rawIdOrNull(globalId, typename);
  if (id === null) throw new NotFoundError(what);
  return id;
}

/** The database id inside a global id of `typename`, or null when it is not one. */
export function rawIdOrNull(globalId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && decoded.id !== '' ? decoded.id : null;
  } catch {
    return null;
  }
}
