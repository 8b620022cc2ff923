// Partner API keys: the secret is shown once, only its SHA-256 is stored, and a revoked key is
// refused from the next request on (its open sockets close).
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { API_KEY_PREFIX, API_KEY_SHOWN, newSecret, sha256 } from '../auth/tokens.ts';
import { FieldErrors, NotFoundError } from '../domain/errors.ts';
import type { ApiKeyScope } from '../domain/types.ts';
import { runtime } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiKeyScope[];
}

export async function createApiKey(caller: AuthenticatedCaller, input: CreateApiKeyInput) {
  const problems = new FieldErrors();
  const name = input.name.trim();
  if (name === '' || name.length > 100)
    problems.add(['input', 'name'], 'Name the key (1 to 100 characters), e.g. "Web shop".');
  if (input.scopes.length === 0) problems.add(['input', 'scopes'], 'Give the key at least one scope.');
  problems.throwIfAny();
  const secret = newSecret(API_KEY_PREFIX);
  const apiKey = await writeTransaction(caller.organizationId, (tx) =>
    tx.apiKey.create({
      data: {
        organizationId: caller.organizationId,
        name,
        scopes: [...new Set(input.scopes)],
        prefix: secret.slice(0, API_KEY_SHOWN),
        secretHash: sha256(secret),
        createdById: caller.kind === 'user' ? caller.userId : null,
      },
    }),
  );
  return { apiKey, secret };
}

export async function revokeApiKey(caller: AuthenticatedCaller, id: string) {
  const now = runtime().clock.now();
  return writeTransaction(caller.organizationId, async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key) throw new NotFoundError('API key');
    if (key.revokedAt) return key;
    emit(tx, 'credential.revoked', { apiKeyId: id });
    return tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
  });
}
