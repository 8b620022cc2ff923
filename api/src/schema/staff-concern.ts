import { builder } from './builder.ts';
import { CustomerNode, CustomerRef, customerRef } from './customer.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { flagConcern } from '../services/staff-concern.service.ts';

builder.mutationField('flagConcern', (t) =>
  t.field({
    type: CustomerNode,
    description:
      'A staff member is worried about a customer: the churn-risk factor STAFF_CONCERN (+15 for 30 days, with who and the note) and a STAFF_CONCERN alert to the account manager, open until a person resolves it.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The customer, flagged.' },
    },
    args: {
      input: t.arg({
        description: 'The customer and the note.',
        type: builder.inputType('FlagConcernInput', {
          description: 'A customer a staff member is worried about, and why.',
          fields: (i) => ({
            customer: i.field({
              type: CustomerRef,
              required: true,
              description: 'The customer you are worried about.',
            }),

            note: i.string({ required: true, description: 'What worries you, 1–500 characters.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, context) =>
      flagConcern(authenticated(context), { customer: customerRef(input.customer), note: input.note }),
  }),
);
