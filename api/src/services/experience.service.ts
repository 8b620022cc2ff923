// Bad experiences and service recoveries as facts (PRODUCT.md "Bad experiences and churn risk"),
// derived from incidents and feedback when they are stored, so "how many in the last 90 days" is
// one indexed query for the risk engine.
import type { TenantTx } from '../db/client.ts';
import type { ExperienceCause, ExperienceKind } from '../domain/types.ts';

export interface NewExperience {
  customerId: string;
  kind: ExperienceKind;
  cause: ExperienceCause;
  /** The NPS or CSAT score of a bad answer. */
  score?: number | null;
  incidentId?: string | null;
  feedbackId?: string | null;
  occurredAt: Date;
}

export async function recordExperiences(
  tx: TenantTx,
  organizationId: string,
  experiences: NewExperience[],
): Promise<void> {
  if (experiences.length === 0) return;
  await tx.experience.createMany({
    data: experiences.map((experience) => ({
      organizationId,
      customerId: experience.customerId,
      kind: experience.kind,
      cause: experience.cause,
      score: experience.score ?? null,
      incidentId: experience.incidentId ?? null,
      feedbackId: experience.feedbackId ?? null,
      occurredAt: experience.occurredAt,
    })),
  });
}
