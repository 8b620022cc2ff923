// How the program's economics are measured, in one plain sentence in the reader's language: the
// figures are the same for every reader, the words are chosen when read.
import type { Locale } from '../types.ts';
import { formatterFor } from '../locale/format.ts';

const SENTENCES: Record<Locale, (from: string, to: string) => string> = {
  EN: (from, to) =>
    `Redeemers are the customers with a fulfilled redemption from ${from} up to ${to}, ` +
    'counted as retained if they bought again within 90 days after their first redemption in the period, ' +
    `and each is compared with the customers of the same tier who redeemed nothing, retained if they bought within 90 days after ${from}; ` +
    'the extra retained customers are the retained redeemers minus what that same-tier rate predicts, ' +
    'and the cost per extra retained customer is what the fulfilled rewards cost divided by them.',
  DA: (from, to) =>
    `Indløsere er de kunder, der har en gennemført indløsning fra ${from} til ${to}, ` +
    'og de tæller som fastholdt, hvis de købte igen inden for 90 dage efter deres første indløsning i perioden; ' +
    `hver sammenlignes med kunderne på samme niveau, der ikke indløste noget, og som tæller som fastholdt, hvis de købte inden for 90 dage efter ${from}; ` +
    'de ekstra fastholdte kunder er de fastholdte indløsere minus det, som niveauets andel forudsiger, ' +
    'og prisen pr. ekstra fastholdt kunde er, hvad de gennemførte belønninger kostede, delt med dem.',
  SV: (from, to) =>
    `Inlösare är de kunder som har en genomförd inlösen från ${from} till ${to}, ` +
    'och de räknas som kvar om de köpte igen inom 90 dagar efter sin första inlösen under perioden; ' +
    `var och en jämförs med kunderna i samma nivå som inte löste in något, som räknas som kvar om de köpte inom 90 dagar efter ${from}; ` +
    'de extra kunder som stannade är de kvarvarande inlösarna minus vad nivåns andel förutsäger, ' +
    'och kostnaden per extra kvarvarande kund är vad de genomförda belöningarna kostade delat med dem.',
  NB: (from, to) =>
    `Innløsere er kundene med en fullført innløsning fra ${from} til ${to}, ` +
    'og de regnes som beholdt hvis de kjøpte igjen innen 90 dager etter sin første innløsning i perioden; ' +
    `hver sammenlignes med kundene på samme nivå som ikke løste inn noe, som regnes som beholdt hvis de kjøpte innen 90 dager etter ${from}; ` +
    'de ekstra beholdte kundene er de beholdte innløserne minus det nivåets andel forutsier, ' +
    'og kostnaden per ekstra beholdt kunde er hva de fullførte belønningene kostet, delt på dem.',
};

/** The method of `programEconomics` for the period from `from` up to `to`, in `locale`. */
export function economicsMethod(from: Date, to: Date, locale: Locale): string {
  const format = formatterFor(locale);
  return SENTENCES[locale](format.date(from), format.date(to));
}
