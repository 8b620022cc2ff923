import { describe, expect, it } from 'vitest';
import { renderMessage, type MessageContent } from './render-message.ts';

const csat: MessageContent = {
  template: 'SURVEY_INVITE',
  organizationName: 'Cykelbutikken',
  customerName: 'Sofie',
  surveyKind: 'CSAT',
  question: 'Hvordan gik det med din reklamation?',
  options: [],
  participationPoints: 50,
};

describe('what a message says', () => {
  it('an invitation in Danish offers one-tap links with the score preselected', () => {
    const rendered = renderMessage(csat, 'DA', { answer: 'https://trofast.example/a/abc' });
    expect(rendered.subject).toBe('Et hurtigt spørgsmål fra Cykelbutikken');
    expect(rendered.text).toContain('Hej Sofie,');
    expect(rendered.text).toContain('5: https://trofast.example/a/abc?score=5');
    expect(rendered.text).toContain('Du får 50 point for at svare.');
    expect(rendered.html).toContain('href="https://trofast.example/a/abc?score=1"');
    expect(rendered.html).toContain('name="viewport"');
  });

  it('an NPS invitation in English offers the scores 0 to 10', () => {
    const rendered = renderMessage({ ...csat, surveyKind: 'NPS', participationPoints: 0 }, 'EN', {
      answer: 'https://x/a/t',
    });
    expect(rendered.subject).toBe('A quick question from Cykelbutikken');
    expect(rendered.text).toContain('0: https://x/a/t?score=0');
    expect(rendered.text).toContain('10: https://x/a/t?score=10');
    expect(rendered.text).not.toContain('points for answering');
  });

  it('a poll links to the page, where the options are', () => {
    const rendered = renderMessage({ ...csat, surveyKind: 'POLL', options: ['Ja', 'Nej'] }, 'SV', {
      answer: 'https://x/a/t',
    });
    expect(rendered.text).toContain('Välj ditt svar:\nhttps://x/a/t');
    expect(rendered.text).not.toContain('?score=');
  });

  it("a thank-you says the organization's own words and explains the bonus", () => {
    const rendered = renderMessage(
      {
        template: 'THANK_YOU',
        organizationName: 'Bageriet',
        customerName: 'Ola',
        note: 'Takk for fem år!',
        bonusPoints: 1200,
      },
      'NB',
    );
    expect(rendered).toMatchObject({ subject: 'Takk fra Bageriet' });
    expect(rendered.text).toBe(
      'Hei Ola,\n\nTakk for fem år!\n\nSom takk har vi gitt deg 1 200 bonuspoeng.\n\nVennlig hilsen Bageriet',
    );
  });

  it('a member link in Danish is one button to the page, valid once for 30 minutes', () => {
    const link = 'https://trofast.example/m/bageriet/login/tok';
    const rendered = renderMessage(
      { template: 'MEMBER_LINK', organizationName: 'Bageriet', customerName: 'Karen' },
      'DA',
      { member: link },
    );
    expect(rendered.subject).toBe('Din side hos Bageriet');
    expect(rendered.text).toBe(
      `Hej Karen,\n\nHer er linket til din side hos Bageriet: dine point, belønninger og mere.\n\n${link}\n\n` +
        'Linket virker én gang, i 30 minutter. Har du ikke bedt om det, kan du se bort fra denne mail.\n\nVenlig hilsen Bageriet',
    );
    expect(rendered.html).toContain(`href="${link}"`);
    expect(rendered.html).toContain('>Åbn min side</a>');
  });

  it('names are escaped in the HTML part', () => {
    const rendered = renderMessage({ ...csat, customerName: '<b>Eve</b>' }, 'EN', { answer: 'https://x/a/t' });
    expect(rendered.html).toContain('Hi &lt;b&gt;Eve&lt;/b&gt;,');
  });
});
