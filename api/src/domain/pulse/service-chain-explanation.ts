// The service chain's method in words: what was compared, over how many teams, what the number
// means, and that it is a correlation, not a proof.
import type { Locale } from '../types.ts';
import { formatterFor } from '../locale/format.ts';

export interface ServiceChainFigures {
  /** Pearson's r of the teams' staff eNPS and their customers' NPS; null with too few teams. */
  correlation: number | null;
  /** Teams with both a shown pulse and customer NPS in the period: the pairs behind the number. */
  teams: number;
  months: number;
}

type Strength = 'STRONG' | 'SOME' | 'HARDLY';

const strengthOf = (r: number): Strength => (Math.abs(r) >= 0.7 ? 'STRONG' : Math.abs(r) >= 0.3 ? 'SOME' : 'HARDLY');

const TOGETHER: Record<Locale, Record<Strength, [together: string, opposite: string]>> = {
  EN: {
    STRONG: ['moved strongly together', 'moved strongly in opposite directions'],
    SOME: ['moved somewhat together', 'moved somewhat in opposite directions'],
    HARDLY: ['hardly moved together', 'hardly moved together'],
  },
  DA: {
    STRONG: ['fulgtes tydeligt ad', 'gik tydeligt hver sin vej'],
    SOME: ['fulgtes noget ad', 'gik noget hver sin vej'],
    HARDLY: ['fulgtes næppe ad', 'fulgtes næppe ad'],
  },
  SV: {
    STRONG: ['följdes tydligt åt', 'gick tydligt åt var sitt håll'],
    SOME: ['följdes delvis åt', 'gick delvis åt var sitt håll'],
    HARDLY: ['följdes knappast åt', 'följdes knappast åt'],
  },
  NB: {
    STRONG: ['fulgte tydelig hverandre', 'gikk tydelig hver sin vei'],
    SOME: ['fulgte delvis hverandre', 'gikk delvis hver sin vei'],
    HARDLY: ['fulgte knapt hverandre', 'fulgte knapt hverandre'],
  },
};

export function serviceChainExplanation({ correlation, teams, months }: ServiceChainFigures, locale: Locale): string {
  const f = formatterFor(locale);
  const n = f.number(teams);
  const m = f.number(months);
  if (correlation === null) {
    switch (locale) {
      case 'EN':
        return `Over the last ${m} months, ${n} ${f.plural(teams, { one: 'team has', other: 'teams have' })} both a shown staff pulse and customers who answered NPS; at least 3 are needed to say how the two move together. Even then it is a correlation, not a proof.`;
      case 'DA':
        return `De seneste ${m} måneder har ${n} ${f.plural(teams, { one: 'team', other: 'teams' })} både en vist medarbejderpuls og kunder, der har svaret på NPS; der skal mindst 3 til for at sige, hvordan de to følges ad. Selv da er det en sammenhæng, ikke et bevis.`;
      case 'SV':
        return `De senaste ${m} månaderna har ${n} ${f.plural(teams, { one: 'team', other: 'team' })} både en visad medarbetarpuls och kunder som har svarat på NPS; det behövs minst 3 för att säga hur de två följs åt. Även då är det ett samband, inte ett bevis.`;
      case 'NB':
        return `De siste ${m} månedene har ${n} ${f.plural(teams, { one: 'team', other: 'team' })} både en vist medarbeiderpuls og kunder som har svart på NPS; det trengs minst 3 for å si hvordan de to følger hverandre. Selv da er det en sammenheng, ikke et bevis.`;
    }
  }
  const r = f.number(Math.round(correlation * 100) / 100);
  const [together, opposite] = TOGETHER[locale][strengthOf(correlation)];
  const how = correlation >= 0 ? together : opposite;
  switch (locale) {
    case 'EN':
      return `Across ${n} teams over the last ${m} months, a team’s staff eNPS and its customers’ NPS ${how}: correlation ${r} (from −1, opposite, to 1, together). This is a correlation, not a proof: it does not show that one causes the other, and with few teams one team can change it.`;
    case 'DA':
      return `På tværs af ${n} teams de seneste ${m} måneder gælder det, at et teams medarbejder-eNPS og dets kunders NPS ${how}: korrelation ${r} (fra −1, modsat, til 1, sammen). Det er en sammenhæng, ikke et bevis: det viser ikke, at det ene skyldes det andet, og med få teams kan ét team ændre tallet.`;
    case 'SV':
      return `Över ${n} team de senaste ${m} månaderna gäller att ett teams medarbetar-eNPS och dess kunders NPS ${how}: korrelation ${r} (från −1, motsatt, till 1, tillsammans). Det är ett samband, inte ett bevis: det visar inte att det ena orsakar det andra, och med få team kan ett team ändra talet.`;
    case 'NB':
      return `På tvers av ${n} team de siste ${m} månedene gjelder det at et teams medarbeider-eNPS og kundenes NPS ${how}: korrelasjon ${r} (fra −1, motsatt, til 1, sammen). Det er en sammenheng, ikke et bevis: det viser ikke at det ene skyldes det andre, og med få team kan ett team endre tallet.`;
  }
}
