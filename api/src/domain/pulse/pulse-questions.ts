import type { Locale } from '../types.ts';

/** How many 1–5 questions a round asks besides the eNPS (PRODUCT.md "Team pulse"). */
export const PULSE_QUESTION_COUNT = 3;

/** The three 1–5 questions, in the order an answer's `answers` holds them; eNPS is asked on its own. */
export const PULSE_QUESTIONS: Record<Locale, readonly [string, string, string]> = {
  EN: [
    'I get the support I need from my manager.',
    'I have the time and tools to help customers.',
    'I can fix a customer’s problem myself.',
  ],
  DA: [
    'Jeg får den støtte, jeg har brug for, fra min leder.',
    'Jeg har tid og værktøjer til at hjælpe kunderne.',
    'Jeg kan selv løse en kundes problem.',
  ],
  SV: [
    'Jag får det stöd jag behöver från min chef.',
    'Jag har tid och verktyg för att hjälpa kunderna.',
    'Jag kan själv lösa en kunds problem.',
  ],
  NB: [
    'Jeg får den støtten jeg trenger fra lederen min.',
    'Jeg har tid og verktøy til å hjelpe kundene.',
    'Jeg kan selv løse et problem for en kunde.',
  ],
};
