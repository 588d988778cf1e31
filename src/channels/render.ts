import { ActionTypes, CardFactory, Channels, MessageFactory, TextFormatTypes, type Activity, type CardAction } from 'botbuilder';
import { MAX_SUGGESTIONS, type Reply, type Suggestion } from '../answer/reply.js';
import { voteIdOf } from '../feedback/vote.js';
import { toAdaptiveCard } from './adaptive-card.js';
import { toMarkdown } from './markdown.js';
import { toPlainText } from './plain-text.js';

/** How each channel gets a reply: Markdown text, one Adaptive Card, or plain text. */
type Style = 'markdown' | 'card' | 'plain';

/**
 * The only place a Reply becomes an activity, one message per reply with its suggested actions:
 * - Web Chat and the Emulator render Markdown, so text goes as Markdown; a reply with figures goes as one card
 *   (the figures in a card, said once, with the sentences around them), so it is one bubble, not text plus card.
 * - Teams renders lists in plain messages on desktop only, so a reply with a list or figures goes as one card
 *   (lists render in cards on every Teams client), with its buttons on the same activity.
 * - Every other channel gets plain text.
 */
export function renderReply(reply: Reply, channelId: string | undefined): Partial<Activity> {
  const style = styleFor(reply, channelId);
  const activity: Partial<Activity> = style === 'card'
    ? { ...MessageFactory.attachment(CardFactory.adaptiveCard(toAdaptiveCard(reply.blocks))) }
    : MessageFactory.text(style === 'markdown' ? toMarkdown(reply.blocks) : toPlainText(reply.blocks));
  activity.textFormat = style === 'plain' ? TextFormatTypes.Plain : TextFormatTypes.Markdown;
  const actions = reply.suggestions.slice(0, MAX_SUGGESTIONS).map(cardAction);
  if (actions.length > 0) activity.suggestedActions = { actions, to: [] };
  if (reply.feedback && reply.unitIds.length > 0) askForVotes(activity, reply, channelId);
  return activity;
}

/**
 * Thumbs up and down under a guide answer, in each channel's own way: Web Chat shows them for a schema.org Message
 * entity with Like and Dislike actions (their ids name the answer, so the vote does); Teams shows its feedback loop
 * when the message asks for it.
 */
function askForVotes(activity: Partial<Activity>, reply: Reply, channelId: string | undefined): void {
  if (channelId === Channels.Msteams) {
    activity.channelData = { ...(activity.channelData as object | undefined), feedbackLoopEnabled: true };
    return;
  }
  if (channelId !== Channels.Webchat && channelId !== Channels.Emulator && channelId !== Channels.Directline) return;
  const id = voteIdOf(reply.unitIds);
  activity.entities = [...(activity.entities ?? []), {
    type: 'https://schema.org/Message',
    '@context': 'https://schema.org',
    '@id': '',
    '@type': 'Message',
    potentialAction: [{ '@type': 'LikeAction', '@id': id, name: 'Helpful' }, { '@type': 'DislikeAction', '@id': id, name: 'Not helpful' }],
  }];
}

function styleFor(reply: Reply, channelId: string | undefined): Style {
  const figures = reply.blocks.some((b) => b.kind === 'figures');
  switch (channelId) {
    case Channels.Webchat:
    case Channels.Emulator:
    case Channels.Directline:
      return figures ? 'card' : 'markdown';
    case Channels.Msteams:
      return figures || reply.blocks.some((b) => b.kind === 'list') ? 'card' : 'markdown';
    default:
      return 'plain';
  }
}

/** A suggestion as a button: it asks its question (imBack), or opens its link. */
function cardAction(s: Suggestion): CardAction {
  return s.url ? { type: ActionTypes.OpenUrl, title: s.label, value: s.url } : { type: ActionTypes.ImBack, title: s.label, value: s.ask };
}
