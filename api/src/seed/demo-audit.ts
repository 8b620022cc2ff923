// The demo's staff actions as the staff member who would have made them: the seed calls the
// services as Trofast, and these steps leave the audit entries that person's requests would have.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { audited } from '../services/audit.service.ts';
import { tenantDb } from '../runtime.ts';

export async function asDemoStaff<T>(
  caller: AuthenticatedCaller,
  email: string,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  const user = await tenantDb(caller).user.findFirstOrThrow({ where: { email }, select: { id: true, role: true } });
  const staff: AuthenticatedCaller = {
    kind: 'user',
    organizationId: caller.organizationId,
    userId: user.id,
    sessionId: 'demo',
    role: user.role,
    locale: 'DA',
  };
  return audited({ caller: staff, operation, requestId: randomUUID() }, work);
}
