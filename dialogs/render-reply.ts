import { ActionTypes, CardFactory, MessageFactory, TextFormatTypes, type Activity, type Attachment } from 'botbuilder';
import { MAX_SUGGESTIONS, type Reply, type SalaryCard } from '../src/answer/reply.js';

// 1.5 is the newest schema Teams renders on every client (desktop, web, mobile).
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * Turns a channel-neutral Reply into a message activity; the only place that does.
 * The text carries everything, figures included, so a channel that drops the card or the buttons loses nothing.
 */
export function renderReply(reply: Reply): Partial<Activity> {
  const actions = reply.suggestions.slice(0, MAX_SUGGESTIONS).map((s) => ({ type: ActionTypes.ImBack, title: s, value: s }));
  const activity: Partial<Activity> = actions.length > 0 ? MessageFactory.suggestedActions(actions, reply.text) : MessageFactory.text(reply.text);
  activity.textFormat = TextFormatTypes.Markdown;
  if (reply.card) activity.attachments = [salaryCardAttachment(reply.card)];
  return activity;
}

/** The salary figures as an Adaptive Card: only TextBlock and FactSet, which every Teams client renders. */
export function salaryCardAttachment(card: SalaryCard): Attachment {
  const body: object[] = [{ type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (card.note) body.push({ type: 'TextBlock', text: card.note, wrap: true });
  body.push({ type: 'FactSet', facts: card.facts.map((f) => ({ title: f.label, value: f.value })) });
  body.push({ type: 'TextBlock', text: card.source, size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' });
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    // Shown by hosts that cannot render the card at all.
    fallbackText: [card.title, ...card.facts.map((f) => `${f.label}: ${f.value}`)].join('\n'),
    body,
  });
}
