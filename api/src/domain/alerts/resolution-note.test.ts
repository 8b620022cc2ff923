import { describe, expect, it } from 'vitest';
import type { AlertKind, Locale } from '../types.ts';
import { AUTO_RESOLUTION, renderResolutionNote } from './resolution-note.ts';

describe('alerts resolving themselves', () => {
  it.each<[AlertKind, string | null]>([
    ['CHURN_RISK', 'RISK_BELOW_HIGH'],
    ['IGNORED', 'PERSONAL_CONTACT'],
    ['SLA_BREACH', 'INCIDENT_RESOLVED'],
    ['INCIDENT', 'INCIDENT_RESOLVED'],
    ['TWO_STRIKES', null],
    ['DETRACTOR', null],
  ])('a %s alert resolves itself with the note %s', (kind, expected) => {
    expect(AUTO_RESOLUTION[kind]).toBe(expected);
  });

  it.each<[string, Locale, string]>([
    ['RISK_BELOW_HIGH', 'EN', 'Resolved automatically: the churn risk fell below high.'],
    ['RISK_BELOW_HIGH', 'DA', 'Løst automatisk: churn-risikoen faldt til under høj.'],
    ['RISK_BELOW_HIGH', 'SV', 'Löst automatiskt: risken för kundbortfall sjönk under hög.'],
    ['RISK_BELOW_HIGH', 'NB', 'Løst automatisk: frafallsrisikoen falt under høy.'],
    ['PERSONAL_CONTACT', 'EN', 'Resolved automatically: a personal contact was recorded.'],
    ['PERSONAL_CONTACT', 'DA', 'Løst automatisk: en personlig kontakt blev registreret.'],
    ['PERSONAL_CONTACT', 'SV', 'Löst automatiskt: en personlig kontakt registrerades.'],
    ['PERSONAL_CONTACT', 'NB', 'Løst automatisk: en personlig kontakt ble registrert.'],
    ['INCIDENT_RESOLVED', 'EN', 'Resolved automatically: the incident was resolved.'],
    ['INCIDENT_RESOLVED', 'DA', 'Løst automatisk: hændelsen blev løst.'],
    ['INCIDENT_RESOLVED', 'SV', 'Löst automatiskt: incidenten löstes.'],
    ['INCIDENT_RESOLVED', 'NB', 'Løst automatisk: hendelsen ble løst.'],
    ['SOMETHING_NEWER', 'DA', 'Løst.'],
  ])('the note %s reads, in %s: %s', (note, locale, expected) => {
    expect(renderResolutionNote(note, locale)).toBe(expected);
  });
});
