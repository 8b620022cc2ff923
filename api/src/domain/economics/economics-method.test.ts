import { describe, expect, it } from 'vitest';
import { economicsMethod } from './economics-method.ts';

const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2026-04-01T00:00:00Z');

describe('how the program’s economics are measured, in the reader’s language', () => {
  it('reads, in English, as one plain sentence naming the period', () => {
    expect(economicsMethod(from, to, 'EN')).toBe(
      'Redeemers are the customers with a fulfilled redemption from 1 Jan 2026 up to 1 Apr 2026, counted as retained if they bought again within 90 days after their first redemption in the period, and each is compared with the customers of the same tier who redeemed nothing, retained if they bought within 90 days after 1 Jan 2026; the extra retained customers are the retained redeemers minus what that same-tier rate predicts, and the cost per extra retained customer is what the fulfilled rewards cost divided by them.',
    );
  });

  it('reads, in Danish, with Danish dates', () => {
    expect(economicsMethod(from, to, 'DA')).toBe(
      'Indløsere er de kunder, der har en gennemført indløsning fra 1. jan. 2026 til 1. apr. 2026, og de tæller som fastholdt, hvis de købte igen inden for 90 dage efter deres første indløsning i perioden; hver sammenlignes med kunderne på samme niveau, der ikke indløste noget, og som tæller som fastholdt, hvis de købte inden for 90 dage efter 1. jan. 2026; de ekstra fastholdte kunder er de fastholdte indløsere minus det, som niveauets andel forudsiger, og prisen pr. ekstra fastholdt kunde er, hvad de gennemførte belønninger kostede, delt med dem.',
    );
  });

  it('reads, in Swedish, with Swedish dates', () => {
    expect(economicsMethod(from, to, 'SV')).toBe(
      'Inlösare är de kunder som har en genomförd inlösen från 1 jan. 2026 till 1 apr. 2026, och de räknas som kvar om de köpte igen inom 90 dagar efter sin första inlösen under perioden; var och en jämförs med kunderna i samma nivå som inte löste in något, som räknas som kvar om de köpte inom 90 dagar efter 1 jan. 2026; de extra kunder som stannade är de kvarvarande inlösarna minus vad nivåns andel förutsäger, och kostnaden per extra kvarvarande kund är vad de genomförda belöningarna kostade delat med dem.',
    );
  });

  it('reads, in Norwegian, with Norwegian dates', () => {
    expect(economicsMethod(from, to, 'NB')).toBe(
      'Innløsere er kundene med en fullført innløsning fra 1. jan. 2026 til 1. apr. 2026, og de regnes som beholdt hvis de kjøpte igjen innen 90 dager etter sin første innløsning i perioden; hver sammenlignes med kundene på samme nivå som ikke løste inn noe, som regnes som beholdt hvis de kjøpte innen 90 dager etter 1. jan. 2026; de ekstra beholdte kundene er de beholdte innløserne minus det nivåets andel forutsier, og kostnaden per ekstra beholdt kunde er hva de fullførte belønningene kostet, delt på dem.',
    );
  });
});
