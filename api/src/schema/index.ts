// Imports every schema file, then builds the schema. Nothing else.
import { builder } from './builder.ts';
import './scalars.ts';
import './enums.ts';
import './errors.ts';
import './user.ts';
import './organization.ts';
import './api-key.ts';
import './money.ts';
import './customer.ts';
import './purchase.ts';
import './interaction.ts';
import './points.ts';
import './contact.ts';
import './risk.ts';
import './alert.ts';
import './overview.ts';
import './survey.ts';
import './feedback.ts';
import './incident.ts';
import './reward.ts';
import './redemption.ts';
import './economics.ts';
import './message.ts';
import './invitation.ts';
import './events.ts';
import './event-feed.ts';
import './team.ts';
import './pulse.ts';
import './staff-concern.ts';
import './member.ts';
import './webhook.ts';
import './import.ts';
import './audit.ts';

builder.queryType({
  description:
    "Reads, always within the caller's organization: staff by role, partner keys by scope (see `ApiKeyScope`).",
});
builder.mutationType({
  description:
    'Writes. Domain errors come back as data in each result union; partner writes take an `idempotencyKey` to retry safely.',
});

export const schema = builder.toSchema({ sortSchema: false });
