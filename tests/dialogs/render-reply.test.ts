import { expect } from 'chai';
import type { Reply } from '../../src/answer/reply.js';
import { ADAPTIVE_CARD_VERSION, renderReply } from '../../dialogs/render-reply.js';
import { realAdvisor } from '../support/knowledge.js';

interface CardElement { type: string; [key: string]: unknown }
interface Card { type: string; version: string; body: CardElement[]; actions?: unknown[] }

const salaryReply = (text: string): Reply => realAdvisor().respond(text).reply;
const cardOf = (reply: Reply): Card => {
  const attachment = renderReply(reply).attachments?.[0];
  expect(attachment?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
  return attachment!.content as Card;
};
/** Every element of a card, nested ones included. */
const elements = (items: readonly unknown[]): CardElement[] =>
  items.flatMap((item) => {
    const el = item as CardElement;
    const nested = [el.columns, el.items].filter(Array.isArray).flat() as unknown[];
    return [el, ...elements(nested)];
  });

const plain: Reply = { text: 'Plain **answer**', suggestions: [], outcome: 'answer', unitIds: ['duties'], memory: {} };

describe('renderReply', () => {
  it('sends the text as markdown', () => {
    const activity = renderReply(plain);
    expect(activity.type).to.equal('message');
    expect(activity.text).to.equal('Plain **answer**');
    expect(activity.textFormat).to.equal('markdown');
  });

  it('adds no card and no buttons when the reply has none', () => {
    const activity = renderReply(plain);
    expect(activity.attachments ?? []).to.have.length(0);
    expect(activity.suggestedActions).to.equal(undefined);
  });

  it(`renders a salary card as an Adaptive Card ${ADAPTIVE_CARD_VERSION} with a FactSet holding the figures`, () => {
    const reply = salaryReply('how much do MSLs earn in California');
    const card = cardOf(reply);
    expect(card.type).to.equal('AdaptiveCard');
    expect(card.version).to.equal('1.5');
    const factSet = card.body.find((e) => e.type === 'FactSet');
    expect(factSet?.facts).to.deep.equal(reply.card!.facts.map((f) => ({ title: f.label, value: f.value })));
    expect(factSet?.facts).to.deep.include({ title: 'California', value: '$164,660' });
  });

  it('puts the source line last, as a small TextBlock', () => {
    const reply = salaryReply('how much do MSLs earn in California');
    const last = cardOf(reply).body.at(-1);
    expect(last).to.include({ type: 'TextBlock', text: reply.card!.source, size: 'Small' });
  });

  it('uses only elements every Teams client renders, and no actions', () => {
    const reply = salaryReply('MSL salary in Texas');
    const card = cardOf(reply);
    for (const el of elements(card.body)) expect(['TextBlock', 'FactSet', 'ColumnSet', 'Column']).to.include(el.type);
    expect(card.actions ?? []).to.have.length(0);
    expect(JSON.stringify(card)).to.not.include('Action.Execute');
  });

  it('keeps every figure of the card in the text too', () => {
    const reply = salaryReply('MSL salary in Texas');
    const activity = renderReply(reply);
    expect(reply.card!.facts.length).to.be.greaterThan(1);
    for (const fact of reply.card!.facts) expect(activity.text).to.include(fact.value);
  });

  it('offers the suggestions as at most three imBack buttons', () => {
    const suggestions = ['One?', 'Two?', 'Three?', 'Four?', 'Five?'];
    const actions = renderReply({ ...plain, suggestions }).suggestedActions?.actions ?? [];
    expect(actions).to.have.length(3);
    expect(actions.map((a) => [a.type, a.title, a.value])).to.deep.equal(suggestions.slice(0, 3).map((s) => ['imBack', s, s]));
  });

  it('offers the advisor’s own follow-ups as buttons', () => {
    const reply = salaryReply('how much do MSLs earn in California');
    const actions = renderReply(reply).suggestedActions?.actions ?? [];
    expect(actions.length).to.be.within(1, 3);
    expect(actions.map((a) => a.value)).to.deep.equal(reply.suggestions.slice(0, 3));
  });
});
