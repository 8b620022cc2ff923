import { builder } from './builder.ts';
import { ChannelEnum, InteractionKindEnum } from './enums.ts';
import { CustomerRef, customerRef } from './customer.ts';
import type { ContactAdvice } from '../domain/contact/can-contact.ts';
import { authenticated } from '../auth/caller.ts';
import { adviseContact } from '../services/contact.service.ts';

const ContactAdviceRef = builder.objectRef<ContactAdvice>('ContactAdvice').implement({
  description: 'Whether to contact the customer now, why, and when it would be allowed.',
  fields: (t) => ({
    allowed: t.exposeBoolean('allowed', { description: 'true: you may send it now.' }),
    reasons: t.exposeStringList('reasons', {
      description: 'Why, in plain sentences: consent on the channel, the contact cap, or why neither applies.',
    }),
    nextAllowedAt: t.expose('nextAllowedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Now when allowed; null when only the customer’s consent can change the answer.',
    }),
  }),
});

builder.queryField('canContact', (t) =>
  t.field({
    type: ContactAdviceRef,
    description:
      'Ask before you send: outbound MARKETING and SURVEY_INVITE need consent on the channel and count against the contact cap; SERVICE replies never do. Recorded contacts are stored regardless. Staff, or a key with `customers:read` or `events:write`.',
    args: {
      customer: t.arg({ type: CustomerRef, required: true, description: 'Who you want to contact.' }),
      channel: t.arg({ type: ChannelEnum, required: true, description: 'The channel you would use.' }),
      kind: t.arg({ type: InteractionKindEnum, required: true, description: 'What the outbound contact is about.' }),
    },
    resolve: (_root, { customer, channel, kind }, context) =>
      adviseContact(authenticated(context), customerRef(customer), { channel, kind }),
  }),
);
