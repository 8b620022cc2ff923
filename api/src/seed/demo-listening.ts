// The demo's listening and recovering: an NPS survey and a CSAT survey answered over the year
// (the NPS climbing from negative to well above zero), a spring poll, and incidents of every
// category and severity — some open, some overdue, most resolved, the customer satisfied or not.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Channel, IncidentCategory, IncidentSeverity } from '../domain/types.ts';
import { addHours, DAY_MS } from '../domain/time/duration.ts';
import { runtime, useRuntime } from '../runtime.ts';
import { recordEvents, MAX_EVENTS, type EventInput } from '../services/events.service.ts';
import { reportIncident, resolveIncident, updateIncident } from '../services/incident.service.ts';
import { organizationSettings } from '../services/organization-settings.service.ts';
import { createSurvey } from '../services/survey.service.ts';
import type { DemoCustomer } from './demo-customers.ts';
import type { Random } from './random.ts';

const CHANNELS: Channel[] = ['EMAIL', 'SMS', 'WEB', 'APP', 'STORE'];

const DETRACTOR_COMMENTS = [
  'Ventetiden på værkstedet var alt for lang.',
  'Cyklen var ikke klar, da jeg kom for at hente den.',
  'Ingen vendte tilbage på min mail.',
  'For dyrt i forhold til kvaliteten.',
];
const PROMOTER_COMMENTS = [
  'Super hjælpsomme folk i butikken!',
  'Hurtig reparation og god rådgivning.',
  'Bedste cykelforretning i byen.',
];

const TITLES: Record<IncidentCategory, string[]> = {
  DELIVERY: ['Cyklen blev leveret tre dage for sent', 'Forkert størrelse leveret', 'Pakken kom beskadiget frem'],
  PRODUCT: ['Kæden knækkede efter en uge', 'Bremserne hviner', 'Gearskifteren hopper'],
  BILLING: ['Trukket to gange på kortet', 'Rabatten blev ikke fratrukket', 'Faktura med forkert beløb'],
  SERVICE: ['Værkstedet glemte aftalen', 'Lang ventetid i telefonen', 'Ingen svar på henvendelse'],
  OTHER: ['Hjemmesiden var nede under udsalget', 'Nyhedsbrev på forkert sprog', 'Parkeringen var spærret'],
};
const SOURCES = ['Kundeservice', 'Webshop', 'Butikken', 'Kunden via e-mail', 'Telefon'];
const CATEGORIES: IncidentCategory[] = ['DELIVERY', 'PRODUCT', 'BILLING', 'SERVICE', 'OTHER'];
const SEVERITIES: IncidentSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** How an incident's story ends, handed out in turn so every ending appears for the severities. */
type Ending = 'recovered' | 'unsatisfied' | 'unknown' | 'closed' | 'late' | 'in-progress' | 'open' | 'overdue';
const ENDINGS: Ending[] = ['recovered', 'unsatisfied', 'overdue', 'recovered', 'closed', 'open', 'late'];
const MORE_ENDINGS: Ending[] = ['in-progress', 'recovered', 'unknown', 'unsatisfied', 'closed'];

/**
 * Runs `work` as if it were `moment`. The services read the time from the runtime's clock, so the
 * demo replays an incident's year-old story at the times it happened. Only the seed does this,
 * before the API serves anyone.
 */
async function asOf<T>(moment: Date, work: () => Promise<T>): Promise<T> {
  const real = runtime();
  useRuntime({ ...real, clock: { now: () => new Date(moment) } });
  try {
    return await work();
  } finally {
    useRuntime(real);
  }
}

/** `days` days before now, at some hour of that day. */
const daysAgo = (now: Date, days: number, random: Random) =>
  new Date(now.getTime() - days * DAY_MS - random.int(0, 10) * 60 * 60 * 1000);

/** NPS 0–10 for an answer `age` (0 now … 1 a year ago) old: the shop got better over the year. */
function npsScore(random: Random, age: number, lapsing: boolean): number {
  const promoter = 0.62 - 0.42 * age - (lapsing ? 0.15 : 0);
  const detractor = 0.1 + 0.35 * age + (lapsing ? 0.15 : 0);
  const roll = random.next();
  if (roll < promoter) return random.int(9, 10);
  if (roll < promoter + detractor) return random.int(2, 6);
  return random.int(7, 8);
}

/** CSAT 1–5, improving the same way. */
function csatScore(random: Random, age: number): number {
  const roll = random.next() + 0.35 * age;
  if (roll < 0.45) return 5;
  if (roll < 0.8) return 4;
  if (roll < 1.0) return 3;
  return random.int(1, 2);
}

async function seedAnswers(caller: AuthenticatedCaller, random: Random, now: Date, customers: DemoCustomer[]) {
  const nps = await createSurvey(caller, {
    kind: 'NPS',
    question: 'Hvor sandsynligt er det, at du vil anbefale Nordlys Cykler til en ven eller kollega?',
    participationPoints: 25,
  });
  const csat = await createSurvey(caller, {
    kind: 'CSAT',
    question: 'Hvor tilfreds var du med dit seneste besøg på værkstedet?',
    participationPoints: 10,
  });
  const poll = await createSurvey(caller, {
    kind: 'POLL',
    question: 'Hvilket arrangement skal vi holde til foråret?',
    options: ['Fællestur i skoven', 'Reparationskursus', 'Cykelmesse i butikken'],
    participationPoints: 5,
  });
  const events: EventInput[] = [];
  for (const customer of customers) {
    const lapsing = customer.pattern === 'lapsing' || customer.pattern === 'ignored';
    const answer = (surveyId: string, days: number, fields: { score?: number; option?: string; comment?: string }) =>
      events.push({
        feedback: {
          customer: { id: customer.id },
          surveyId,
          channel: random.pick(CHANNELS),
          occurredAt: daysAgo(now, days, random),
          ...fields,
        },
      });
    if (random.chance(0.75)) {
      const days = customer.pattern === 'new' ? random.int(1, 50) : random.int(1, 364);
      const score = npsScore(random, days / 365, lapsing);
      const comments = score <= 6 ? DETRACTOR_COMMENTS : score >= 9 ? PROMOTER_COMMENTS : [];
      const comment = comments.length > 0 && random.chance(0.4) ? random.pick(comments) : undefined;
      answer(nps.id, days, { score, comment });
    }
    if (random.chance(0.55)) {
      const days = random.int(1, 364);
      answer(csat.id, days, { score: csatScore(random, days / 365) });
    }
    if (random.chance(0.3)) answer(poll.id, random.int(1, 45), { option: random.pick(poll.options) });
  }
  for (let start = 0; start < events.length; start += MAX_EVENTS) {
    await recordEvents(caller, events.slice(start, start + MAX_EVENTS));
  }
}

interface Step {
  at: Date;
  run: () => Promise<unknown>;
}

/** When an incident with this ending was opened: the unresolved ones recently, in time or not. */
function openedAtFor(ending: Ending, slaHours: number, now: Date, random: Random): Date {
  switch (ending) {
    case 'open':
      return addHours(now, -slaHours * (0.1 + 0.6 * random.next()));
    case 'in-progress':
      return addHours(now, -slaHours * (0.2 + 0.7 * random.next()));
    case 'overdue':
      return addHours(now, -(slaHours + random.int(2, 96)));
    default:
      return daysAgo(now, random.int(30, 360), random);
  }
}

/** The steps of one incident's story, from its report to its ending. */
function incidentStory(
  caller: AuthenticatedCaller,
  random: Random,
  now: Date,
  report: { customer: DemoCustomer; category: IncidentCategory; severity: IncidentSeverity; ending: Ending },
  slaHours: number,
): Step[] {
  const { customer, category, severity, ending } = report;
  const unresolved = ending === 'open' || ending === 'overdue' || ending === 'in-progress';
  const openedAt = openedAtFor(ending, slaHours, now, random);
  const incident = {
    customer: { id: customer.id },
    title: random.pick(TITLES[category]),
    category,
    severity,
    source: random.pick(SOURCES),
    occurredAt: openedAt,
  };
  let id = '';
  const steps: Step[] = [{ at: openedAt, run: async () => (id = await reportIncident(caller, incident)) }];
  if (ending === 'open' || (ending === 'overdue' && random.chance(0.5))) return steps;
  const respondedAt = addHours(openedAt, Math.max(0.5, slaHours * 0.1 * random.next()));
  steps.push({ at: respondedAt, run: () => updateIncident(caller, { id, status: 'IN_PROGRESS', responded: true }) });
  if (unresolved) return steps;
  const resolvedAt = addHours(
    openedAt,
    slaHours * (ending === 'late' ? 1.2 + random.next() : 0.3 + 0.6 * random.next()),
  );
  const customerSatisfied =
    ending === 'recovered' || (ending === 'closed' && random.chance(0.6))
      ? 'YES'
      : ending === 'unsatisfied' || ending === 'closed'
        ? 'NO'
        : ending === 'late'
          ? random.pick(['YES', 'NO', 'UNKNOWN'] as const)
          : 'UNKNOWN';
  const resolution =
    customerSatisfied === 'YES'
      ? 'Løst og fulgt op med et opkald; kunden fik et gavekort.'
      : 'Løst efter vores retningslinjer.';
  steps.push({ at: resolvedAt, run: () => resolveIncident(caller, { id, resolution, customerSatisfied }) });
  if (ending === 'closed')
    steps.push({ at: addHours(resolvedAt, 48), run: () => updateIncident(caller, { id, status: 'CLOSED' }) });
  return steps;
}

async function seedIncidents(caller: AuthenticatedCaller, random: Random, now: Date, customers: DemoCustomer[]) {
  const { slaHours } = await organizationSettings(caller);
  const steps: Step[] = [];
  let turn = 0;
  for (const category of CATEGORIES) {
    for (const severity of SEVERITIES) {
      for (const endings of [ENDINGS, ENDINGS, MORE_ENDINGS]) {
        const ending = endings[turn++ % endings.length];
        // Customers drifting away have more trouble: half the incidents go to them.
        const drifting = customers.filter((customer) => customer.pattern === 'lapsing');
        const customer = random.chance(0.5) && drifting.length > 0 ? random.pick(drifting) : random.pick(customers);
        steps.push(...incidentStory(caller, random, now, { customer, category, severity, ending }, slaHours[severity]));
      }
    }
  }
  // In the order things happened, so every change sees the incident as it was then.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await asOf(step.at, step.run);
}

export async function seedDemoListening(
  caller: AuthenticatedCaller,
  random: Random,
  now: Date,
  customers: DemoCustomer[],
): Promise<void> {
  await seedIncidents(caller, random, now, customers);
  await seedAnswers(caller, random, now, customers);
}
