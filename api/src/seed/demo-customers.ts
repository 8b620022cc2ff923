// The demo's customers and a year of their purchases and contacts, with the patterns a bike shop
// sees: regulars, lapsing customers, customers nobody has called for months, new ones, companies.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Channel, Direction, InteractionKind } from '../domain/types.ts';
import { upsertCustomer } from '../services/customer.service.ts';
import { inputOf, recordEvents, MAX_EVENTS, type EventInput } from '../services/events.service.ts';
import { demoPerson } from './people.ts';
import type { Random } from './random.ts';

const DAY = 24 * 60 * 60 * 1000;

/** How a customer behaves over the year. */
export type Pattern = 'regular' | 'lapsing' | 'ignored' | 'new' | 'occasional';

const PATTERNS: [Pattern, number][] = [
  ['regular', 0.3],
  ['occasional', 0.3],
  ['lapsing', 0.15],
  ['ignored', 0.15],
  ['new', 0.1],
];

function pattern(random: Random): Pattern {
  let roll = random.next();
  for (const [name, share] of PATTERNS) {
    if ((roll -= share) < 0) return name;
  }
  return 'occasional';
}

/** Purchase amounts in øre: accessories, service, and now and then a bike. */
function amount(random: Random): number {
  const roll = random.next();
  if (roll < 0.55) return random.int(99, 899) * 100;
  if (roll < 0.9) return random.int(300, 1500) * 100;
  return random.int(5000, 25000) * 100;
}

interface Contact {
  channel: Channel;
  direction: Direction;
  kind: InteractionKind;
  personal: boolean;
}

const CONTACTS: Contact[] = [
  { channel: 'STORE', direction: 'INBOUND', kind: 'SERVICE', personal: true },
  { channel: 'PHONE', direction: 'OUTBOUND', kind: 'CHECK_IN', personal: true },
  { channel: 'EMAIL', direction: 'INBOUND', kind: 'SERVICE', personal: true },
  { channel: 'CHAT', direction: 'INBOUND', kind: 'SERVICE', personal: true },
  { channel: 'EMAIL', direction: 'OUTBOUND', kind: 'MARKETING', personal: false },
  { channel: 'SMS', direction: 'OUTBOUND', kind: 'MARKETING', personal: false },
];

export interface DemoCustomer {
  id: string;
  externalId: string;
  pattern: Pattern;
}

/** Days ago at which this pattern's customer buys or is contacted. */
function activeDays(random: Random, kind: Pattern, events: number): number[] {
  const days: number[] = [];
  for (let i = 0; i < events; i++) {
    switch (kind) {
      case 'regular':
        days.push(random.int(1, 360));
        break;
      case 'occasional':
        days.push(random.int(5, 200));
        break;
      case 'lapsing': // busy half a year ago, quiet since
        days.push(random.int(100, 360));
        break;
      case 'ignored':
        days.push(random.int(120, 360));
        break;
      case 'new':
        days.push(random.int(1, 60));
        break;
    }
  }
  return days;
}

export async function seedDemoCustomers(
  caller: AuthenticatedCaller,
  random: Random,
  now: Date,
  count: number,
): Promise<DemoCustomer[]> {
  const customers: DemoCustomer[] = [];
  const events: EventInput[] = [];
  for (let index = 1; index <= count; index++) {
    const person = demoPerson(random, index);
    const kind = pattern(random);
    const externalId = `NC-${String(10000 + index)}`;
    const customer = await upsertCustomer(caller, {
      externalId,
      ...person,
      consents: [
        { channel: 'EMAIL', granted: random.chance(0.7) },
        { channel: 'SMS', granted: random.chance(0.4) },
      ],
    });
    customers.push({ id: customer.id, externalId, pattern: kind });
    const purchases = {
      regular: random.int(6, 14),
      occasional: random.int(1, 4),
      lapsing: random.int(4, 8),
      ignored: random.int(2, 5),
      new: random.int(1, 3),
    }[kind];
    for (const day of activeDays(random, kind, purchases)) {
      const occurredAt = new Date(now.getTime() - day * DAY - random.int(0, 8) * 60 * 60 * 1000);
      events.push({
        purchase: {
          customer: { id: customer.id },
          amount: {
            amountMinor: amount(random),
            currency: person.locale === 'SV' && random.chance(0.5) ? 'SEK' : 'DKK',
          },
          occurredAt,
          externalRef: `POS-${externalId}-${day}-${random.int(100, 999)}`,
        },
      });
      // Most purchases happen in the shop, talking to the staff: a personal contact.
      if (kind !== 'ignored' && random.chance(0.7)) {
        events.push({ interaction: { customer: { id: customer.id }, ...CONTACTS[0], occurredAt } });
      }
    }
    const contacts = {
      regular: random.int(3, 8),
      occasional: random.int(1, 3),
      lapsing: random.int(1, 3),
      ignored: random.int(1, 2),
      new: random.int(1, 2),
    }[kind];
    for (const day of activeDays(random, kind, contacts)) {
      const contact = random.pick(CONTACTS);
      events.push({
        interaction: {
          customer: { id: customer.id },
          ...contact,
          occurredAt: new Date(now.getTime() - day * DAY - random.int(0, 8) * 60 * 60 * 1000),
        },
      });
    }
  }
  // Newest first: each batch only adds older history, so no alert is raised for a customer who
  // merely looks quiet until the batch with their recent visits arrives.
  events.sort((a, b) => occurred(b) - occurred(a));
  for (let start = 0; start < events.length; start += MAX_EVENTS) {
    await recordEvents(caller, events.slice(start, start + MAX_EVENTS));
  }
  return customers;
}

function occurred(event: EventInput): number {
  return inputOf(event).occurredAt!.getTime();
}
