// What a message to a staff member says, in their own language: an endpoint Trofast disabled, a
// pulse round to answer, the one reminder. Stored as parameters and rendered like a customer's
// message (subject, plain text, phone-width HTML), with the links passed in: live when sent,
// masked in the copy staff read when mail goes out over SMTP.
import type { Locale } from '../types.ts';
import { formatterFor } from '../locale/format.ts';
import { button, page, paragraphs, type RenderedMessage } from './render-message.ts';

export type StaffMessageContent =
  | {
      template: 'WEBHOOK_DISABLED';
      organizationName: string;
      staffName: string;
      url: string;
      description: string | null;
      /** GONE: the receiver answered 410; FAILING: every attempt failed for three days. */
      cause: 'GONE' | 'FAILING';
    }
  | {
      template: 'PULSE_INVITE' | 'PULSE_REMINDER';
      organizationName: string;
      staffName: string;
      /** At send time: is the round still open, and the person's token for it. */
      roundId: string;
      /** The round's last moment, ISO 8601. */
      closesAt: string;
    };

export interface StaffMessageLinks {
  /** Settings → Webhooks, where the endpoint is switched on again. */
  webhooks?: string;
  /** The dashboard with the person's own pulse token: it opens the pulse form. */
  pulse?: string;
}

interface Words {
  hello: (name: string) => string;
  disabledSubject: (url: string) => string;
  disabledIntro: (organization: string) => string;
  cause: Record<'GONE' | 'FAILING', string>;
  reEnable: string;
  reEnableButton: string;
  pulseSubject: (organization: string) => string;
  reminderSubject: (organization: string) => string;
  pulseIntro: string;
  reminderIntro: string;
  pulseButton: string;
  openUntil: (date: string) => string;
  anonymous: string;
  signature: string;
}

const WORDS: Record<Locale, Words> = {
  EN: {
    hello: (name) => `Hi ${name},`,
    disabledSubject: (url) => `Webhook endpoint disabled: ${url}`,
    disabledIntro: (organization) => `Trofast has stopped sending events of ${organization} to this webhook endpoint:`,
    cause: {
      GONE: 'The receiver answered 410 Gone, which says the address is no longer in use.',
      FAILING: 'Every delivery to it failed for three days.',
    },
    reEnable:
      'Nothing is lost: new events wait for it. Once the receiver works again, switch the endpoint on under Settings → Webhooks, and what waited is delivered.',
    reEnableButton: 'Open Settings → Webhooks',
    pulseSubject: (organization) => `How are things at ${organization}? The pulse takes a minute`,
    reminderSubject: (organization) => `Reminder: the pulse at ${organization} is still open`,
    pulseIntro:
      'A new pulse round is open: how likely you are to recommend working here, and three short questions about your work with customers.',
    reminderIntro: 'You have not answered the pulse yet. It takes a minute, and it helps your team.',
    pulseButton: 'Answer the pulse',
    openUntil: (date) => `Open until ${date}.`,
    anonymous:
      'Your answer is anonymous: it is stored without your name, and a team’s results are only shown once enough people have answered.',
    signature: 'Trofast',
  },
  DA: {
    hello: (name) => `Hej ${name},`,
    disabledSubject: (url) => `Webhook-endpoint slået fra: ${url}`,
    disabledIntro: (organization) =>
      `Trofast er holdt op med at sende hændelser fra ${organization} til dette webhook-endpoint:`,
    cause: {
      GONE: 'Modtageren svarede 410 Gone, som betyder, at adressen ikke længere er i brug.',
      FAILING: 'Alle leveringer til det fejlede i tre dage.',
    },
    reEnable:
      'Intet går tabt: nye hændelser venter på det. Når modtageren virker igen, slår du endpointet til under Indstillinger → Webhooks, og det, der ventede, bliver leveret.',
    reEnableButton: 'Åbn Indstillinger → Webhooks',
    pulseSubject: (organization) => `Hvordan går det hos ${organization}? Pulsmålingen tager et minut`,
    reminderSubject: (organization) => `Påmindelse: pulsmålingen hos ${organization} er stadig åben`,
    pulseIntro:
      'En ny pulsmåling er åben: hvor sandsynligt det er, at du vil anbefale at arbejde her, og tre korte spørgsmål om dit arbejde med kunderne.',
    reminderIntro: 'Du har ikke svaret på pulsmålingen endnu. Det tager et minut, og det hjælper dit team.',
    pulseButton: 'Svar på pulsmålingen',
    openUntil: (date) => `Åben til og med ${date}.`,
    anonymous: 'Dit svar er anonymt: det gemmes uden dit navn, og et teams resultater vises først, når nok har svaret.',
    signature: 'Trofast',
  },
  SV: {
    hello: (name) => `Hej ${name},`,
    disabledSubject: (url) => `Webhook-endpoint avstängd: ${url}`,
    disabledIntro: (organization) =>
      `Trofast har slutat skicka händelser från ${organization} till denna webhook-endpoint:`,
    cause: {
      GONE: 'Mottagaren svarade 410 Gone, vilket betyder att adressen inte längre används.',
      FAILING: 'Alla leveranser till den misslyckades i tre dagar.',
    },
    reEnable:
      'Inget går förlorat: nya händelser väntar på den. När mottagaren fungerar igen slår du på endpointen under Inställningar → Webhooks, och det som väntade levereras.',
    reEnableButton: 'Öppna Inställningar → Webhooks',
    pulseSubject: (organization) => `Hur är det på ${organization}? Pulsmätningen tar en minut`,
    reminderSubject: (organization) => `Påminnelse: pulsmätningen på ${organization} är fortfarande öppen`,
    pulseIntro:
      'En ny pulsmätning är öppen: hur troligt det är att du skulle rekommendera att arbeta här, och tre korta frågor om ditt arbete med kunderna.',
    reminderIntro: 'Du har inte svarat på pulsmätningen än. Det tar en minut, och det hjälper ditt team.',
    pulseButton: 'Svara på pulsmätningen',
    openUntil: (date) => `Öppen till och med ${date}.`,
    anonymous:
      'Ditt svar är anonymt: det sparas utan ditt namn, och ett teams resultat visas först när tillräckligt många har svarat.',
    signature: 'Trofast',
  },
  NB: {
    hello: (name) => `Hei ${name},`,
    disabledSubject: (url) => `Webhook-endepunkt slått av: ${url}`,
    disabledIntro: (organization) =>
      `Trofast har sluttet å sende hendelser fra ${organization} til dette webhook-endepunktet:`,
    cause: {
      GONE: 'Mottakeren svarte 410 Gone, som betyr at adressen ikke lenger er i bruk.',
      FAILING: 'Alle leveranser til det feilet i tre dager.',
    },
    reEnable:
      'Ingenting går tapt: nye hendelser venter på det. Når mottakeren virker igjen, slår du på endepunktet under Innstillinger → Webhooks, og det som ventet blir levert.',
    reEnableButton: 'Åpne Innstillinger → Webhooks',
    pulseSubject: (organization) => `Hvordan går det i ${organization}? Pulsmålingen tar ett minutt`,
    reminderSubject: (organization) => `Påminnelse: pulsmålingen i ${organization} er fortsatt åpen`,
    pulseIntro:
      'En ny pulsmåling er åpen: hvor sannsynlig det er at du vil anbefale å jobbe her, og tre korte spørsmål om arbeidet ditt med kundene.',
    reminderIntro: 'Du har ikke svart på pulsmålingen ennå. Det tar ett minutt, og det hjelper teamet ditt.',
    pulseButton: 'Svar på pulsmålingen',
    openUntil: (date) => `Åpen til og med ${date}.`,
    anonymous:
      'Svaret ditt er anonymt: det lagres uten navnet ditt, og et teams resultater vises først når nok har svart.',
    signature: 'Trofast',
  },
};

const action = (href: string, label: string) => `<p style="margin:0 0 16px">${button(href, label, '12px 20px')}</p>`;

export function renderStaffMessage(
  content: StaffMessageContent,
  locale: Locale,
  links: StaffMessageLinks = {},
): RenderedMessage {
  const words = WORDS[locale];
  const greeting = words.hello(content.staffName);
  if (content.template === 'WEBHOOK_DISABLED') {
    const link = links.webhooks ?? '';
    const endpoint = content.description ? `${content.url} (${content.description})` : content.url;
    const before = [
      greeting,
      words.disabledIntro(content.organizationName),
      endpoint,
      words.cause[content.cause],
      words.reEnable,
    ];
    return {
      subject: words.disabledSubject(content.url),
      text: [...before, link, words.signature].join('\n\n'),
      html: page(paragraphs(before) + action(link, words.reEnableButton) + paragraphs([words.signature])),
    };
  }
  const link = links.pulse ?? '';
  const reminder = content.template === 'PULSE_REMINDER';
  const before = [
    greeting,
    reminder ? words.reminderIntro : words.pulseIntro,
    words.openUntil(formatterFor(locale).date(content.closesAt)),
  ];
  const after = [words.anonymous, words.signature];
  return {
    subject: (reminder ? words.reminderSubject : words.pulseSubject)(content.organizationName),
    text: [...before, link, ...after].join('\n\n'),
    html: page(paragraphs(before) + action(link, words.pulseButton) + paragraphs(after)),
  };
}
