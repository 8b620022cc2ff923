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
import './events.ts';
import './event-feed.ts';
import './import.ts';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: false });
