// What a message says, in the customer's language: stored as parameters (`MessageContent`) when
// the message is queued, rendered as a subject, a plain-text part and an HTML part that reads well
// on a phone. Links are passed in, so the same content renders with a live link when it is sent
// and with a masked one for the copy staff read.
import type { Locale, SurveyKind } from '../types.ts';
import { formatterFor } from '../locale/format.ts';

export type MessageContent =
  | {
      template: 'SURVEY_INVITE';
      organizationName: string;
      customerName: string;
      surveyKind: SurveyKind;
      question: string;
      options: string[];
      participationPoints: number;
    }
  | {
      template: 'THANK_YOU';
      organizationName: string;
      customerName: string;
      /** The organization's own words. */
      note: string | null;
      bonusPoints: number;
    }
  | {
      /** The customer asked for their page (or staff sent it): one button, valid once for 30 minutes. */
      template: 'MEMBER_LINK';
      organizationName: string;
      customerName: string;
    };

export interface MessageLinks {
  /** The answer page of an invitation: `<public url>/a/<token>` (one-tap: `?score=N`). */
  answer?: string;
  /** A member link: `<public url>/m/<slug>/login/<token>`. */
  member?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  hello: (name: string) => string;
  inviteSubject: (organization: string) => string;
  inviteIntro: (organization: string) => string;
  tapToAnswer: string;
  scaleEnds: (kind: 'NPS' | 'CSAT') => [string, string];
  chooseOption: string;
  earns: (points: string) => string;
  thankSubject: (organization: string) => string;
  thankDefault: (organization: string) => string;
  bonus: (points: string) => string;
  regards: (organization: string) => string;
  memberSubject: (organization: string) => string;
  memberIntro: (organization: string) => string;
  memberButton: string;
  memberOnce: string;
}

const WORDS: Record<Locale, Words> = {
  EN: {
    hello: (name) => `Hi ${name},`,
    inviteSubject: (organization) => `A quick question from ${organization}`,
    inviteIntro: (organization) => `${organization} would like to hear from you. It takes ten seconds.`,
    tapToAnswer: 'Tap your answer:',
    scaleEnds: (kind) => (kind === 'NPS' ? ['Not at all likely', 'Extremely likely'] : ['Very unhappy', 'Very happy']),
    chooseOption: 'Choose your answer:',
    earns: (points) => `You earn ${points} points for answering.`,
    thankSubject: (organization) => `Thank you from ${organization}`,
    thankDefault: (organization) => `Thank you for being a loyal customer of ${organization}. It means a lot to us.`,
    bonus: (points) => `As a thank-you we have added ${points} bonus points to your account.`,
    regards: (organization) => `Best regards, ${organization}`,
    memberSubject: (organization) => `Your page at ${organization}`,
    memberIntro: (organization) => `Here is the link to your page at ${organization}: your points, rewards and more.`,
    memberButton: 'Open my page',
    memberOnce: 'The link works once, for 30 minutes. If you did not ask for it, you can ignore this email.',
  },
  DA: {
    hello: (name) => `Hej ${name},`,
    inviteSubject: (organization) => `Et hurtigt spørgsmål fra ${organization}`,
    inviteIntro: (organization) => `${organization} vil gerne høre fra dig. Det tager ti sekunder.`,
    tapToAnswer: 'Tryk på dit svar:',
    scaleEnds: (kind) =>
      kind === 'NPS' ? ['Slet ikke sandsynligt', 'Meget sandsynligt'] : ['Meget utilfreds', 'Meget tilfreds'],
    chooseOption: 'Vælg dit svar:',
    earns: (points) => `Du får ${points} point for at svare.`,
    thankSubject: (organization) => `Tak fra ${organization}`,
    thankDefault: (organization) => `Tak fordi du er en trofast kunde hos ${organization}. Det betyder meget for os.`,
    bonus: (points) => `Som tak har vi givet dig ${points} bonuspoint.`,
    regards: (organization) => `Venlig hilsen ${organization}`,
    memberSubject: (organization) => `Din side hos ${organization}`,
    memberIntro: (organization) => `Her er linket til din side hos ${organization}: dine point, belønninger og mere.`,
    memberButton: 'Åbn min side',
    memberOnce: 'Linket virker én gang, i 30 minutter. Har du ikke bedt om det, kan du se bort fra denne mail.',
  },
  SV: {
    hello: (name) => `Hej ${name},`,
    inviteSubject: (organization) => `En snabb fråga från ${organization}`,
    inviteIntro: (organization) => `${organization} vill gärna höra från dig. Det tar tio sekunder.`,
    tapToAnswer: 'Tryck på ditt svar:',
    scaleEnds: (kind) =>
      kind === 'NPS' ? ['Inte alls troligt', 'Mycket troligt'] : ['Mycket missnöjd', 'Mycket nöjd'],
    chooseOption: 'Välj ditt svar:',
    earns: (points) => `Du får ${points} poäng för att svara.`,
    thankSubject: (organization) => `Tack från ${organization}`,
    thankDefault: (organization) =>
      `Tack för att du är en trogen kund hos ${organization}. Det betyder mycket för oss.`,
    bonus: (points) => `Som tack har vi gett dig ${points} bonuspoäng.`,
    regards: (organization) => `Vänliga hälsningar, ${organization}`,
    memberSubject: (organization) => `Din sida hos ${organization}`,
    memberIntro: (organization) => `Här är länken till din sida hos ${organization}: dina poäng, belöningar och mer.`,
    memberButton: 'Öppna min sida',
    memberOnce: 'Länken fungerar en gång, i 30 minuter. Om du inte bad om den kan du bortse från det här mejlet.',
  },
  NB: {
    hello: (name) => `Hei ${name},`,
    inviteSubject: (organization) => `Et raskt spørsmål fra ${organization}`,
    inviteIntro: (organization) => `${organization} vil gjerne høre fra deg. Det tar ti sekunder.`,
    tapToAnswer: 'Trykk på svaret ditt:',
    scaleEnds: (kind) =>
      kind === 'NPS' ? ['Svært lite sannsynlig', 'Svært sannsynlig'] : ['Svært misfornøyd', 'Svært fornøyd'],
    chooseOption: 'Velg svaret ditt:',
    earns: (points) => `Du får ${points} poeng for å svare.`,
    thankSubject: (organization) => `Takk fra ${organization}`,
    thankDefault: (organization) => `Takk for at du er en trofast kunde hos ${organization}. Det betyr mye for oss.`,
    bonus: (points) => `Som takk har vi gitt deg ${points} bonuspoeng.`,
    regards: (organization) => `Vennlig hilsen ${organization}`,
    memberSubject: (organization) => `Din side hos ${organization}`,
    memberIntro: (organization) =>
      `Her er lenken til siden din hos ${organization}: poengene dine, belønninger og mer.`,
    memberButton: 'Åpne siden min',
    memberOnce: 'Lenken virker én gang, i 30 minutter. Har du ikke bedt om den, kan du se bort fra denne e-posten.',
  },
};

/** The scores a survey kind offers as one-tap buttons; a poll offers its options instead. */
export function scoresOf(kind: SurveyKind): number[] {
  if (kind === 'NPS') return Array.from({ length: 11 }, (_, score) => score);
  if (kind === 'CSAT') return [1, 2, 3, 4, 5];
  return [];
}

export const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export const paragraphs = (texts: string[]) =>
  texts.map((text) => `<p style="margin:0 0 16px">${escape(text)}</p>`).join('');

/** A phone-width HTML email: one column, large tap targets, system fonts, inline styles only. */
export function page(body: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
    '<body style="margin:0;padding:0;background:#f4f4f5">' +
    '<div style="max-width:560px;margin:0 auto;padding:24px 16px;font:16px/1.5 -apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b;background:#ffffff">' +
    body +
    '</div></body></html>'
  );
}

export const button = (href: string, label: string, padding = '12px 0') =>
  `<a href="${escape(href)}" style="display:inline-block;min-width:44px;margin:0 4px 8px 0;padding:${padding};border-radius:8px;background:#1d4ed8;color:#ffffff;text-align:center;text-decoration:none;font-weight:600">${escape(label)}</a>`;

export function renderMessage(content: MessageContent, locale: Locale, links: MessageLinks = {}): RenderedMessage {
  const words = WORDS[locale];
  const format = formatterFor(locale);
  const greeting = words.hello(content.customerName);
  const regards = words.regards(content.organizationName);
  if (content.template === 'MEMBER_LINK') {
    const link = links.member ?? '';
    const intro = [greeting, words.memberIntro(content.organizationName)];
    const after = [words.memberOnce, regards];
    return {
      subject: words.memberSubject(content.organizationName),
      text: [...intro, link, ...after].join('\n\n'),
      html: page(
        paragraphs(intro) +
          `<p style="margin:0 0 16px">${button(link, words.memberButton, '12px 20px')}</p>` +
          paragraphs(after),
      ),
    };
  }
  if (content.template === 'THANK_YOU') {
    const texts = [
      greeting,
      content.note?.trim() || words.thankDefault(content.organizationName),
      ...(content.bonusPoints > 0 ? [words.bonus(format.number(content.bonusPoints))] : []),
      regards,
    ];
    return {
      subject: words.thankSubject(content.organizationName),
      text: texts.join('\n\n'),
      html: page(paragraphs(texts)),
    };
  }
  const answer = links.answer ?? '';
  const scores = scoresOf(content.surveyKind);
  const earns = content.participationPoints > 0 ? [words.earns(format.number(content.participationPoints))] : [];
  const intro = [greeting, words.inviteIntro(content.organizationName), content.question];
  let choices: string[];
  let buttons: string;
  if (content.surveyKind === 'POLL') {
    choices = [words.chooseOption, answer];
    buttons = `<p style="margin:0 0 16px">${button(answer, words.chooseOption.replace(/:$/, ''))}</p>`;
  } else {
    const [low, high] = words.scaleEnds(content.surveyKind);
    const link = (score: number) => `${answer}?score=${score}`;
    choices = [
      words.tapToAnswer,
      ...scores.map((score) => `${score}: ${link(score)}`),
      `${scores[0]} = ${low} · ${scores.at(-1)} = ${high}`,
    ];
    buttons =
      `<p style="margin:0 0 8px;font-weight:600">${escape(words.tapToAnswer)}</p>` +
      `<p style="margin:0 0 4px">${scores.map((score) => button(link(score), String(score))).join('')}</p>` +
      `<p style="margin:0 0 16px;font-size:14px;color:#52525b">${escape(`${scores[0]} = ${low} · ${scores.at(-1)} = ${high}`)}</p>`;
  }
  return {
    subject: words.inviteSubject(content.organizationName),
    text: [...intro, choices.join('\n'), ...earns, regards].join('\n\n'),
    html: page(paragraphs(intro) + buttons + paragraphs([...earns, regards])),
  };
}
