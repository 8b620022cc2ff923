// Why a message was held back (SKIPPED) or called off (CANCELLED): stored as a code, worded when
// read, in the reader's language. A FAILED message's reason is the mail server's own answer, stored
// as it came; a reason that is no code (that answer, or a sentence stored before the codes) is
// shown as it is.
import type { Channel, Locale } from '../types.ts';
import { defineCatalogue, message } from '../locale/catalogue.ts';
import type { LocaleFormat } from '../locale/format.ts';

/** When it may go out after all (the message's nextAllowedAt), where one reason alone is read. */
const until = { until: 'date?' } as const;

const FROM: Record<Locale, string> = {
  EN: 'it may go out from',
  DA: 'den kan sendes fra',
  SV: 'det kan skickas från',
  NB: 'den kan sendes fra',
};
const withDate = (sentence: string, params: { until?: string }, format: LocaleFormat) =>
  params.until ? `${sentence}: ${FROM[format.locale]} ${format.dateTime(params.until)}.` : `${sentence}.`;

const noConsent = (by: Record<Locale, string>) =>
  message(
    {},
    {
      EN: () => `The customer has not agreed to hear from the organization ${by.EN}.`,
      DA: () => `Kunden har ikke sagt ja til at høre fra jer ${by.DA}.`,
      SV: () => `Kunden har inte sagt ja till att höra från er ${by.SV}.`,
      NB: () => `Kunden har ikke sagt ja til å høre fra dere ${by.NB}.`,
    },
  );

const SKIP_REASONS = {
  NO_CONSENT_EMAIL: noConsent({ EN: 'by email', DA: 'på e-mail', SV: 'via e-post', NB: 'på e-post' }),
  NO_CONSENT_SMS: noConsent({ EN: 'by SMS', DA: 'på sms', SV: 'via sms', NB: 'på sms' }),
  CONTACT_CAP: message(until, {
    EN: (params, format) => withDate('The contact cap on marketing and survey contacts is reached', params, format),
    DA: (params, format) => withDate('Loftet over markedsførings- og undersøgelseskontakter er nået', params, format),
    SV: (params, format) => withDate('Taket för marknadsförings- och enkätkontakter är nått', params, format),
    NB: (params, format) => withDate('Taket for markedsførings- og undersøkelseskontakter er nådd', params, format),
  }),
  SURVEY_COOLDOWN: message(until, {
    EN: (params, format) => withDate('The customer was invited to a survey within the survey cooldown', params, format),
    DA: (params, format) =>
      withDate('Kunden er inviteret til en undersøgelse inden for pausen mellem undersøgelser', params, format),
    SV: (params, format) => withDate('Kunden bjöds in till en enkät inom pausen mellan enkäter', params, format),
    NB: (params, format) =>
      withDate('Kunden ble invitert til en undersøkelse innenfor pausen mellom undersøkelser', params, format),
  }),
  NO_EMAIL_ADDRESS: message(
    {},
    {
      EN: () => 'The customer has no email address.',
      DA: () => 'Kunden har ingen e-mailadresse.',
      SV: () => 'Kunden har ingen e-postadress.',
      NB: () => 'Kunden har ingen e-postadresse.',
    },
  ),
  NO_PHONE_NUMBER: message(
    {},
    {
      EN: () => 'The customer has no phone number.',
      DA: () => 'Kunden har intet telefonnummer.',
      SV: () => 'Kunden har inget telefonnummer.',
      NB: () => 'Kunden har ikke noe telefonnummer.',
    },
  ),
  CHANNEL_NOT_SENT: message(
    {},
    {
      EN: () => 'Trofast sends messages by email or SMS only.',
      DA: () => 'Trofast sender kun beskeder på e-mail eller sms.',
      SV: () => 'Trofast skickar bara meddelanden via e-post eller sms.',
      NB: () => 'Trofast sender bare meldinger på e-post eller sms.',
    },
  ),
  SURVEY_CLOSED: message(
    {},
    {
      EN: () => 'The survey was closed before the invitation went out.',
      DA: () => 'Undersøgelsen blev lukket, før invitationen blev sendt.',
      SV: () => 'Enkäten stängdes innan inbjudan skickades.',
      NB: () => 'Undersøkelsen ble lukket før invitasjonen ble sendt.',
    },
  ),
  INCIDENT_REOPENED: message(
    {},
    {
      EN: () => 'The incident was reopened before the invitation went out: the customer is asked once it is resolved.',
      DA: () => 'Sagen blev genåbnet, før invitationen blev sendt: kunden spørges, når den er løst.',
      SV: () => 'Ärendet öppnades igen innan inbjudan skickades: kunden tillfrågas när det är löst.',
      NB: () => 'Saken ble gjenåpnet før invitasjonen ble sendt: kunden blir spurt når den er løst.',
    },
  ),
};

export type SkipReason = keyof typeof SKIP_REASONS;

const catalogue = defineCatalogue(SKIP_REASONS, {
  EN: 'The care rules held it back.',
  DA: 'Reglerne for kontakt holdt den tilbage.',
  SV: 'Reglerna för kontakt höll tillbaka det.',
  NB: 'Reglene for kontakt holdt den tilbake.',
});

/** The code of "no consent" on a channel a message goes by. */
export const noConsentOn = (channel: Channel): SkipReason | null =>
  channel === 'EMAIL' ? 'NO_CONSENT_EMAIL' : channel === 'SMS' ? 'NO_CONSENT_SMS' : null;

/**
 * A stored reason in the reader's words; `until` (the message's nextAllowedAt) dates a cap or a
 * cooldown. Anything that is no code is shown as it was stored.
 */
export function renderSkipReason(reason: string, locale: Locale, until?: Date | null): string {
  return catalogue.has(reason) ? catalogue.render(reason, { until: until ?? undefined }, locale) : reason;
}
