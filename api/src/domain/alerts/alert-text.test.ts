import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import { renderAlert, type AlertReason, type AlertText } from './alert-text.ts';

const customerName = 'Karen Jensen';
const twoStrikes: AlertReason = {
  code: 'TWO_STRIKES',
  params: {
    customerName,
    count: 2,
    experiences: [
      { cause: 'INCIDENT', occurredAt: '2026-03-02T10:00:00.000Z' },
      { cause: 'NPS', score: 4, occurredAt: '2026-03-19T08:00:00.000Z' },
    ],
  },
};
const threeStrikes: AlertReason = {
  code: 'TWO_STRIKES',
  params: {
    customerName,
    count: 3,
    experiences: [
      { cause: 'INCIDENT', occurredAt: '2026-03-02T10:00:00.000Z' },
      { cause: 'NPS', score: 4, occurredAt: '2026-03-19T08:00:00.000Z' },
      { cause: 'CSAT', score: 1, occurredAt: '2026-03-20T08:00:00.000Z' },
    ],
  },
};
const high: AlertReason = { code: 'CHURN_RISK', params: { customerName, level: 'HIGH', score: 62 } };
const critical: AlertReason = { code: 'CHURN_RISK', params: { customerName, level: 'CRITICAL', score: 85 } };
const fallenToHigh: AlertReason = {
  code: 'CHURN_RISK',
  params: { customerName, level: 'CRITICAL', score: 85, nowLevel: 'HIGH', nowScore: 55 },
};
const stillCritical: AlertReason = {
  code: 'CHURN_RISK',
  params: { customerName, level: 'CRITICAL', score: 85, nowLevel: 'CRITICAL', nowScore: 81 },
};
const incident: AlertReason = {
  code: 'INCIDENT',
  params: { customerName, incidentTitle: 'Parcel lost', severity: 'CRITICAL', dueAt: '2026-03-02T14:00:00.000Z' },
};
const sla: AlertReason = {
  code: 'SLA_BREACH',
  params: { customerName, incidentTitle: 'Parcel lost', dueAt: '2026-03-02T14:00:00.000Z' },
};
const ignored: AlertReason = { code: 'IGNORED', params: { customerName, days: 92, neverContacted: false } };
const neverContacted: AlertReason = { code: 'IGNORED', params: { customerName, days: 120, neverContacted: true } };
const detractor: AlertReason = { code: 'DETRACTOR', params: { customerName, score: 3 } };
const detractorWithComment: AlertReason = {
  code: 'DETRACTOR',
  params: { customerName, score: 3, comment: 'The delivery was late again' },
};

const cases: [string, Locale, AlertReason, AlertText][] = [
  [
    'two strikes',
    'EN',
    twoStrikes,
    {
      title: 'Two strikes: Karen Jensen',
      message:
        'Second bad experience within 90 days: an incident on 2 Mar and an NPS answer of 4 on 19 Mar. 42% of customers stop buying after two bad experiences. Call Karen Jensen today and fix what went wrong.',
    },
  ],
  [
    'two strikes',
    'DA',
    twoStrikes,
    {
      title: 'To dårlige oplevelser: Karen Jensen',
      message:
        'Anden dårlige oplevelse inden for 90 dage: en hændelse den 2. mar. og et NPS-svar på 4 den 19. mar. 42 % af kunderne holder op med at købe efter to dårlige oplevelser. Ring til Karen Jensen i dag, og ret op på det, der gik galt.',
    },
  ],
  [
    'two strikes',
    'SV',
    twoStrikes,
    {
      title: 'Två dåliga upplevelser: Karen Jensen',
      message:
        'Andra dåliga upplevelsen inom 90 dagar: en incident den 2 mars och ett NPS-svar på 4 den 19 mars. 42 % av kunderna slutar köpa efter två dåliga upplevelser. Ring Karen Jensen i dag och rätta till det som gick fel.',
    },
  ],
  [
    'two strikes',
    'NB',
    twoStrikes,
    {
      title: 'To dårlige opplevelser: Karen Jensen',
      message:
        'Andre dårlige opplevelse innen 90 dager: en hendelse den 2. mars og et NPS-svar på 4 den 19. mars. 42 % av kundene slutter å kjøpe etter to dårlige opplevelser. Ring Karen Jensen i dag, og rett opp det som gikk galt.',
    },
  ],
  [
    'a third strike',
    'EN',
    threeStrikes,
    {
      title: 'Three strikes: Karen Jensen',
      message:
        'Three bad experiences within 90 days: an incident on 2 Mar, an NPS answer of 4 on 19 Mar and a CSAT answer of 1 on 20 Mar. 42% of customers stop buying after two bad experiences. Call Karen Jensen today and fix what went wrong.',
    },
  ],
  [
    'a third strike',
    'DA',
    threeStrikes,
    {
      title: 'Tre dårlige oplevelser: Karen Jensen',
      message:
        'Tre dårlige oplevelser inden for 90 dage: en hændelse den 2. mar., et NPS-svar på 4 den 19. mar. og et CSAT-svar på 1 den 20. mar. 42 % af kunderne holder op med at købe efter to dårlige oplevelser. Ring til Karen Jensen i dag, og ret op på det, der gik galt.',
    },
  ],
  [
    'a churn risk rising to high',
    'EN',
    high,
    {
      title: 'Churn risk high: Karen Jensen',
      message:
        'The churn risk of Karen Jensen rose to 62 of 100 (high). Read the reasons on the customer page and reach out personally this week.',
    },
  ],
  [
    'a churn risk rising to critical',
    'EN',
    critical,
    {
      title: 'Churn risk critical: Karen Jensen',
      message:
        'The churn risk of Karen Jensen rose to 85 of 100 (critical). Read the reasons on the customer page and reach out personally today.',
    },
  ],
  [
    'a churn risk that fell from critical to high while the alert was open',
    'EN',
    fallenToHigh,
    {
      title: 'Churn risk high: Karen Jensen',
      message:
        'The churn risk of Karen Jensen is 55 of 100 (high) now; it rose to 85 (critical) when this alert was raised. Read the reasons on the customer page and reach out personally this week.',
    },
  ],
  [
    'a churn risk that fell from critical to high while the alert was open',
    'DA',
    fallenToHigh,
    {
      title: 'Churn-risiko høj: Karen Jensen',
      message:
        'Churn-risikoen for Karen Jensen er nu 55 af 100 (høj); den var steget til 85 (kritisk), da alarmen opstod. Læs årsagerne på kundesiden, og tag personlig kontakt i denne uge.',
    },
  ],
  [
    'a churn risk still at the level it rose to',
    'EN',
    stillCritical,
    {
      title: 'Churn risk critical: Karen Jensen',
      message:
        'The churn risk of Karen Jensen rose to 85 of 100 (critical). Read the reasons on the customer page and reach out personally today.',
    },
  ],
  [
    'a churn risk rising to high',
    'DA',
    high,
    {
      title: 'Churn-risiko høj: Karen Jensen',
      message:
        'Churn-risikoen for Karen Jensen er steget til 62 af 100 (høj). Læs årsagerne på kundesiden, og tag personlig kontakt i denne uge.',
    },
  ],
  [
    'a churn risk rising to critical',
    'SV',
    critical,
    {
      title: 'Risk för kundbortfall kritisk: Karen Jensen',
      message:
        'Risken att Karen Jensen lämnar har stigit till 85 av 100 (kritisk). Läs orsakerna på kundsidan och ta personlig kontakt i dag.',
    },
  ],
  [
    'a churn risk rising to high',
    'NB',
    high,
    {
      title: 'Frafallsrisiko høy: Karen Jensen',
      message:
        'Risikoen for at Karen Jensen slutter, har steget til 62 av 100 (høy). Les årsakene på kundesiden, og ta personlig kontakt denne uken.',
    },
  ],
  [
    'a critical incident',
    'EN',
    incident,
    {
      title: 'Incident (critical): Karen Jensen',
      message:
        '“Parcel lost” was reported. Resolve it before 2 Mar 2026, 14:00 UTC (the SLA) and keep Karen Jensen informed.',
    },
  ],
  [
    'a critical incident',
    'DA',
    incident,
    {
      title: 'Hændelse (kritisk): Karen Jensen',
      message:
        '»Parcel lost« er blevet rapporteret. Løs den inden 2. mar. 2026, 14.00 UTC (SLA-fristen), og hold Karen Jensen orienteret.',
    },
  ],
  [
    'a critical incident',
    'SV',
    incident,
    {
      title: 'Incident (kritisk): Karen Jensen',
      message:
        '”Parcel lost” har rapporterats. Lös den före 2 mars 2026 14:00 UTC (SLA) och håll Karen Jensen informerad.',
    },
  ],
  [
    'a critical incident',
    'NB',
    incident,
    {
      title: 'Hendelse (kritisk): Karen Jensen',
      message:
        '«Parcel lost» er rapportert. Løs den innen 2. mars 2026, 14:00 UTC (SLA-fristen), og hold Karen Jensen orientert.',
    },
  ],
  [
    'a breached SLA',
    'EN',
    sla,
    {
      title: 'SLA breached: Karen Jensen',
      message:
        '“Parcel lost” was due 2 Mar 2026, 14:00 UTC and is still open. Take it over now and tell Karen Jensen when it will be solved.',
    },
  ],
  [
    'a breached SLA',
    'DA',
    sla,
    {
      title: 'SLA overskredet: Karen Jensen',
      message:
        '»Parcel lost« skulle have været løst 2. mar. 2026, 14.00 UTC og er stadig åben. Tag over nu, og fortæl Karen Jensen, hvornår den bliver løst.',
    },
  ],
  [
    'a breached SLA',
    'SV',
    sla,
    {
      title: 'SLA passerad: Karen Jensen',
      message:
        '”Parcel lost” skulle ha lösts 2 mars 2026 14:00 UTC och är fortfarande öppen. Ta över nu och berätta för Karen Jensen när den blir löst.',
    },
  ],
  [
    'a breached SLA',
    'NB',
    sla,
    {
      title: 'SLA-fristen passert: Karen Jensen',
      message:
        '«Parcel lost» skulle vært løst 2. mars 2026, 14:00 UTC og er fortsatt åpen. Ta over nå, og fortell Karen Jensen når den blir løst.',
    },
  ],
  [
    'an ignored customer',
    'EN',
    ignored,
    {
      title: 'Ignored for 92 days: Karen Jensen',
      message:
        'Nobody has talked to Karen Jensen personally for 92 days. 68% of customers who leave do so because they feel ignored: call or write a personal note this week.',
    },
  ],
  [
    'a customer never contacted',
    'EN',
    neverContacted,
    {
      title: 'Ignored for 120 days: Karen Jensen',
      message:
        'Nobody has ever talked to Karen Jensen personally, in 120 days as a customer. 68% of customers who leave do so because they feel ignored: call or write a personal note this week.',
    },
  ],
  [
    'an ignored customer',
    'DA',
    ignored,
    {
      title: 'Overset i 92 dage: Karen Jensen',
      message:
        'Ingen har talt personligt med Karen Jensen i 92 dage. 68 % af de kunder, der forsvinder, gør det, fordi de føler sig overset: ring eller skriv en personlig hilsen i denne uge.',
    },
  ],
  [
    'a customer never contacted',
    'SV',
    neverContacted,
    {
      title: 'Bortglömd i 120 dagar: Karen Jensen',
      message:
        'Ingen har någonsin pratat personligen med Karen Jensen, på 120 dagar som kund. 68 % av kunderna som lämnar gör det för att de känner sig bortglömda: ring eller skriv en personlig hälsning i veckan.',
    },
  ],
  [
    'an ignored customer',
    'NB',
    ignored,
    {
      title: 'Oversett i 92 dager: Karen Jensen',
      message:
        'Ingen har snakket personlig med Karen Jensen på 92 dager. 68 % av kundene som slutter, gjør det fordi de føler seg oversett: ring eller skriv en personlig hilsen denne uken.',
    },
  ],
  [
    'a detractor',
    'EN',
    detractor,
    {
      title: 'Detractor: Karen Jensen',
      message: 'Karen Jensen answered 3 on NPS. Call to hear what went wrong, and put it right.',
    },
  ],
  [
    'a detractor with a comment',
    'EN',
    detractorWithComment,
    {
      title: 'Detractor: Karen Jensen',
      message:
        'Karen Jensen answered 3 on NPS. Comment: “The delivery was late again.” Call to hear what went wrong, and put it right.',
    },
  ],
  [
    'a detractor with a comment',
    'DA',
    detractorWithComment,
    {
      title: 'Kritiker: Karen Jensen',
      message:
        'Karen Jensen svarede 3 i NPS. Kommentar: »The delivery was late again.« Ring og hør, hvad der gik galt, og ret op på det.',
    },
  ],
  [
    'a detractor',
    'SV',
    detractor,
    {
      title: 'Kritiker: Karen Jensen',
      message: 'Karen Jensen svarade 3 i NPS. Ring och hör vad som gick fel, och rätta till det.',
    },
  ],
  [
    'a detractor',
    'NB',
    detractor,
    {
      title: 'Kritiker: Karen Jensen',
      message: 'Karen Jensen svarte 3 på NPS. Ring og hør hva som gikk galt, og rett det opp.',
    },
  ],
];

describe('alert titles and messages', () => {
  it.each(cases.map(([name, locale, reason, expected]) => [name, locale, expected.title, reason, expected] as const))(
    '%s reads, in %s: %s',
    (_name, locale, _title, reason, expected) => {
      expect(renderAlert(reason.code, reason.params, locale)).toEqual(expected);
    },
  );

  it('a long comment is shortened on the board', () => {
    const { message } = renderAlert('DETRACTOR', { customerName, score: 2, comment: 'x'.repeat(500) }, 'EN');
    expect(message).toBe(
      `Karen Jensen answered 2 on NPS. Comment: “${'x'.repeat(199)}…” Call to hear what went wrong, and put it right.`,
    );
  });

  it.each([
    ['an unknown kind', 'BIRTHDAY', { customerName }],
    ['an unknown level', 'CHURN_RISK', { customerName, level: 'EXTREME', score: 99 }],
    ['missing parameters', 'SLA_BREACH', { customerName }],
  ])('%s reads as a generic alert, never a code', (_name, code, params) => {
    expect(renderAlert(code, params, 'DA')).toEqual({
      title: 'Advarsel',
      message: 'Åbn kundesiden for at se, hvad der er sket.',
    });
  });
});

describe('a staff concern alert', () => {
  it('says who is worried, what they wrote and what to do', () => {
    expect(
      renderAlert('STAFF_CONCERN', { customerName, by: 'Mette Holm', note: 'Sounded fed up on the phone' }, 'EN'),
    ).toEqual({
      title: 'Staff concern: Karen Jensen',
      message:
        'Mette Holm is worried about Karen Jensen: “Sounded fed up on the phone.” Talk to Mette Holm, then reach out to the customer.',
    });
    expect(renderAlert('STAFF_CONCERN', { customerName, by: 'Mette Holm', note: 'Lød træt af os' }, 'DA')).toEqual({
      title: 'Bekymring fra en medarbejder: Karen Jensen',
      message:
        'Mette Holm er bekymret for Karen Jensen: »Lød træt af os.« Tal med Mette Holm, og tag så kontakt til kunden.',
    });
  });
});

describe('times in the reader’s zone', () => {
  it('an SLA time reads in the reader’s zone, as their page shows times; without a zone it is UTC and says so', () => {
    expect(renderAlert(incident.code, incident.params, 'EN', 'Europe/Copenhagen').message).toBe(
      '“Parcel lost” was reported. Resolve it before 2 Mar 2026, 15:00 (the SLA) and keep Karen Jensen informed.',
    );
    expect(renderAlert(incident.code, incident.params, 'DA', 'Europe/Copenhagen').message).toBe(
      '»Parcel lost« er blevet rapporteret. Løs den inden 2. mar. 2026, 15.00 (SLA-fristen), og hold Karen Jensen orienteret.',
    );
    expect(renderAlert(incident.code, incident.params, 'EN').message).toContain('2 Mar 2026, 14:00 UTC');
  });

  it('the date of a cause is the day it happened where the reader is', () => {
    const lateNight: AlertReason = {
      code: 'TWO_STRIKES',
      params: {
        customerName,
        count: 2,
        experiences: [
          { cause: 'INCIDENT', occurredAt: '2026-03-02T23:30:00.000Z' },
          { cause: 'NPS', score: 4, occurredAt: '2026-03-19T08:00:00.000Z' },
        ],
      },
    };
    expect(renderAlert(lateNight.code, lateNight.params, 'EN', 'Europe/Copenhagen').message).toContain(
      'an incident on 3 Mar and an NPS answer of 4 on 19 Mar',
    );
    expect(renderAlert(lateNight.code, lateNight.params, 'EN').message).toContain('an incident on 2 Mar');
  });
});
