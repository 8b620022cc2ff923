import { builder } from './builder.ts';

export interface MoneyValue {
  amountMinor: number | bigint;
  currency: string;
}

export const Money = builder.objectRef<MoneyValue>('Money').implement({
  description: 'An amount in minor units (øre, cents) of an ISO currency: 120000 DKK is 1 200,00 kr.',
  fields: (t) => ({
    amountMinor: t.field({
      type: 'SafeInt',
      description: 'The amount in minor units: 120000 with DKK is 1 200,00 kr.',
      resolve: (money) => Number(money.amountMinor),
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, e.g. DKK.' }),
  }),
});

export const MoneyInput = builder.inputType('MoneyInput', {
  description: 'An amount in minor units (øre, cents) of an ISO currency.',
  fields: (t) => ({
    amountMinor: t.field({
      type: 'SafeInt',
      required: true,
      description: 'The amount in minor units: 120000 with DKK is 1 200,00 kr.',
    }),
    currency: t.string({ required: true, description: 'ISO 4217, e.g. DKK; one your organization accepts.' }),
  }),
});
