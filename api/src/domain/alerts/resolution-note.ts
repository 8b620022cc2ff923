// Alerts whose cause disappears resolve themselves with a note saying why. The note is stored as
// its code (Alert.resolutionNote) and rendered when read, like every other sentence.
import type { AlertKind, Locale } from '../types.ts';
import { defineCatalogue, message } from '../locale/catalogue.ts';

export const resolutionNotes = defineCatalogue(
  {
    RISK_BELOW_HIGH: message(
      {},
      {
        EN: () => 'Resolved automatically: the churn risk fell below high.',
        DA: () => 'Løst automatisk: churn-risikoen faldt til under høj.',
        SV: () => 'Löst automatiskt: risken för kundbortfall sjönk under hög.',
        NB: () => 'Løst automatisk: frafallsrisikoen falt under høy.',
      },
    ),
    PERSONAL_CONTACT: message(
      {},
      {
        EN: () => 'Resolved automatically: a personal contact was recorded.',
        DA: () => 'Løst automatisk: en personlig kontakt blev registreret.',
        SV: () => 'Löst automatiskt: en personlig kontakt registrerades.',
        NB: () => 'Løst automatisk: en personlig kontakt ble registrert.',
      },
    ),
    INCIDENT_RESOLVED: message(
      {},
      {
        EN: () => 'Resolved automatically: the incident was resolved.',
        DA: () => 'Løst automatisk: hændelsen blev løst.',
        SV: () => 'Löst automatiskt: incidenten löstes.',
        NB: () => 'Løst automatisk: hendelsen ble løst.',
      },
    ),
  },
  { EN: 'Resolved.', DA: 'Løst.', SV: 'Löst.', NB: 'Løst.' },
);

export type ResolutionNoteCode = keyof typeof resolutionNotes.definitions;

/**
 * The note an alert of this kind resolves itself with when its cause disappears; null for the
 * kinds that stay open until a person resolves them (TWO_STRIKES, DETRACTOR, STAFF_CONCERN).
 */
export const AUTO_RESOLUTION: Record<AlertKind, ResolutionNoteCode | null> = {
  CHURN_RISK: 'RISK_BELOW_HIGH',
  IGNORED: 'PERSONAL_CONTACT',
  SLA_BREACH: 'INCIDENT_RESOLVED',
  INCIDENT: 'INCIDENT_RESOLVED',
  TWO_STRIKES: null,
  DETRACTOR: null,
  STAFF_CONCERN: null,
};

/** A stored resolution note's code in the reader's locale; an unknown code reads "Resolved.". */
export function renderResolutionNote(code: string, locale: Locale): string {
  return resolutionNotes.render(code, {}, locale);
}
