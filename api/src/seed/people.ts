// Names for the demo's customers: mostly Danish, some Swedish and Norwegian.
import type { Locale } from '../domain/types.ts';
import type { Random } from './random.ts';

const FIRST: Record<'DA' | 'SV' | 'NB', string[]> = {
  DA: [
    'Karen',
    'Mette',
    'Anne',
    'Lone',
    'Sofie',
    'Ida',
    'Freja',
    'Camilla',
    'Lars',
    'Jens',
    'Peter',
    'Mads',
    'Søren',
    'Niels',
    'Anders',
    'Rasmus',
    'Mikkel',
    'Frederik',
    'Henrik',
    'Birgitte',
    'Jonas',
    'Emil',
    'Signe',
    'Maja',
  ],
  SV: [
    'Anna',
    'Eva',
    'Maria',
    'Karin',
    'Elin',
    'Ebba',
    'Erik',
    'Johan',
    'Lars',
    'Anders',
    'Oskar',
    'Gustav',
    'Linnea',
    'Astrid',
  ],
  NB: ['Ingrid', 'Kari', 'Nora', 'Hanne', 'Sigrid', 'Ole', 'Per', 'Knut', 'Håkon', 'Eirik', 'Magnus', 'Solveig'],
};
const LAST: Record<'DA' | 'SV' | 'NB', string[]> = {
  DA: [
    'Jensen',
    'Nielsen',
    'Hansen',
    'Pedersen',
    'Andersen',
    'Christensen',
    'Larsen',
    'Sørensen',
    'Rasmussen',
    'Jørgensen',
    'Madsen',
    'Kristensen',
    'Olsen',
    'Thomsen',
    'Poulsen',
    'Holm',
    'Kjær',
    'Lund',
    'Dahl',
    'Bach',
  ],
  SV: [
    'Andersson',
    'Johansson',
    'Karlsson',
    'Nilsson',
    'Eriksson',
    'Larsson',
    'Olsson',
    'Persson',
    'Lindqvist',
    'Berg',
  ],
  NB: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Berg', 'Haugen', 'Bakke', 'Lie', 'Dahl'],
};
const COMPANIES = [
  'Cykelkurer ApS',
  'Grøn Pendler A/S',
  'Bydelens Bude',
  'Kontorcykler IVS',
  'Fjordens Turistcykler',
  'Malmö Cykelservice AB',
  'Oslo Sykkelbud AS',
  'Aarhus Havneservice',
  'Nørrebro Budcentral',
  'Vestegnens Hjemmepleje',
];

const DOMAINS: Record<Locale, string> = { DA: 'example.dk', SV: 'example.se', NB: 'example.no', EN: 'example.com' };

export interface DemoPerson {
  name: string;
  email: string;
  phone: string;
  locale: Locale;
  kind: 'PERSON' | 'COMPANY';
}

function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/[^a-z0-9]+/g, '.');
}

export function demoPerson(random: Random, index: number): DemoPerson {
  const roll = random.next();
  const locale: 'DA' | 'SV' | 'NB' = roll < 0.8 ? 'DA' : roll < 0.92 ? 'SV' : 'NB';
  const company = index % 10 === 7;
  const name = company ? `${random.pick(COMPANIES)}` : `${random.pick(FIRST[locale])} ${random.pick(LAST[locale])}`;
  const prefix = { DA: '+45', SV: '+46', NB: '+47' }[locale];
  return {
    name,
    email: `${ascii(name)}.${index}@${DOMAINS[locale]}`,
    phone: `${prefix} ${random.int(20, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
    locale,
    kind: company ? 'COMPANY' : 'PERSON',
  };
}
