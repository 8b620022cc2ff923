import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCatalogue, message, readParams, type CodedReason } from './catalogue.ts';

const buggy = (): string => {
  throw new Error('a template with a bug');
};

const greetings = defineCatalogue(
  {
    VISIT: message(
      { name: 'string', visits: 'int', since: 'date', note: 'string?' },
      {
        EN: (params, format) =>
          `${params.name} visited ${format.number(params.visits)} times since ${format.date(params.since)}${params.note ? ` (${params.note})` : ''}.`,
        DA: (params, format) =>
          `${params.name} kom ${format.number(params.visits)} gange siden ${format.date(params.since)}.`,
        SV: (params, format) =>
          `${params.name} kom ${format.number(params.visits)} gånger sedan ${format.date(params.since)}.`,
        NB: (params, format) =>
          `${params.name} kom ${format.number(params.visits)} ganger siden ${format.date(params.since)}.`,
      },
    ),
    BROKEN: message({ when: 'date' }, { EN: buggy, DA: buggy, SV: buggy, NB: buggy }),
  },
  { EN: 'Something happened.', DA: 'Der skete noget.', SV: 'Något hände.', NB: 'Noe skjedde.' },
);

const visit = { name: 'Karen', visits: 1200, since: '2026-01-03T00:00:00.000Z' };

describe('a message catalogue', () => {
  it.each([
    ['EN', 'Karen visited 1,200 times since 3 Jan 2026.'],
    ['DA', 'Karen kom 1.200 gange siden 3. jan. 2026.'],
    ['SV', 'Karen kom 1 200 gånger sedan 3 jan. 2026.'],
    ['NB', 'Karen kom 1 200 ganger siden 3. jan. 2026.'],
  ] as const)('renders a known code in %s', (locale, expected) => {
    expect(greetings.render('VISIT', visit, locale)).toBe(expected);
  });

  it('uses an optional parameter when it is there', () => {
    expect(greetings.render('VISIT', { ...visit, note: 'a regular' }, 'EN')).toBe(
      'Karen visited 1,200 times since 3 Jan 2026 (a regular).',
    );
  });

  it('reads English for a locale it does not know', () => {
    expect(greetings.render('VISIT', visit, 'DE' as never)).toBe('Karen visited 1,200 times since 3 Jan 2026.');
  });

  it.each([
    ['an unknown code', 'NO_SUCH_CODE', visit],
    ['a code inherited from Object', 'toString', visit],
    ['a missing parameter', 'VISIT', { name: 'Karen', visits: 3 }],
    ['a parameter of the wrong kind', 'VISIT', { ...visit, visits: '3' }],
    ['a fractional count', 'VISIT', { ...visit, visits: 2.5 }],
    ['a date that is not a date', 'VISIT', { ...visit, since: 'yesterday' }],
    ['no parameters at all', 'VISIT', null],
    ['a template that throws', 'BROKEN', { when: '2026-01-03T00:00:00.000Z' }],
  ])('shows the generic sentence, never a raw code, for %s', (_name, code, params) => {
    expect(greetings.render(code, params, 'DA')).toBe('Der skete noget.');
  });

  it('knows its codes', () => {
    expect(greetings.has('VISIT')).toBe(true);
    expect(greetings.has('constructor')).toBe(false);
  });

  it('types each code with its own parameters', () => {
    expectTypeOf<CodedReason<typeof greetings.definitions>>().toEqualTypeOf<
      | { code: 'VISIT'; params: { name: string; visits: number; since: string; note?: string } }
      | { code: 'BROKEN'; params: { when: string } }
    >();
  });
});

describe('readParams', () => {
  it('keeps only the parameters the spec names, with dates as ISO strings', () => {
    expect(
      readParams({ at: 'date', count: 'int' }, { at: new Date('2026-01-03T00:00:00Z'), count: 2, extra: 1 }),
    ).toEqual({
      at: '2026-01-03T00:00:00.000Z',
      count: 2,
    });
  });

  it('reads a list of records and refuses one bad item', () => {
    const spec = { items: [{ score: 'int?', at: 'date' }] } as const;
    expect(readParams(spec, { items: [{ at: '2026-01-03T00:00:00.000Z' }] })).toEqual({
      items: [{ at: '2026-01-03T00:00:00.000Z' }],
    });
    expect(readParams(spec, { items: [{ at: '2026-01-03T00:00:00.000Z' }, { score: 3 }] })).toBeNull();
    expect(readParams(spec, { items: 'none' })).toBeNull();
  });
});
