import { describe, expect, it } from 'vitest';
import { slugFor } from './slug-for.ts';

describe('an organization’s slug from its name', () => {
  it.each([
    ['Nordlys Cykler', 'nordlys-cykler'],
    ['Café Øst & Søn', 'cafe-ost-son'],
    ['Blåbær Ærø', 'blabaer-aero'],
    ['Götgatans Bageri', 'gotgatans-bageri'],
    ['  !!  ', 'shop'],
    ['A'.repeat(60), 'a'.repeat(40)],
  ])('%j → %j', (name, slug) => {
    expect(slugFor(name)).toBe(slug);
  });
});
