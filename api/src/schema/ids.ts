import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../domain/errors.ts';

/**
 * The database id inside a global id of `typename`. A malformed id, one of another type and one
 * of another organization all answer the same NotFoundError.
 */
export function rawId(globalId: string, typename: string, what = typename): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename && decoded.id !== '') return decoded.id;
  } catch {
    // fall through: not a global id
  }
  throw new NotFoundError(what);
}
