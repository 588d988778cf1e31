import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** A thumbs up or down on one of the bot's answers. */
export interface Vote {
  readonly vote: 'up' | 'down';
  /** The id on the thumbs pressed, naming the answer (Web Chat); the answer index says what that answer gave. */
  readonly voteId?: string;
  /** The answer's activity id, when the channel names it (Teams). */
  readonly replyToId?: string;
  /** What the person typed with the vote (Teams asks for a comment). */
  readonly comment?: string;
}

/** Web Chat's feedback event name (botframework-webchat 4.17+, activity status feedback). */
export const WEB_CHAT_FEEDBACK_EVENT = 'webchat:activity-status/feedback';
/** Teams' feedback loop invoke name. */
export const TEAMS_FEEDBACK_INVOKE = 'message/submitAction';
/** The prefix of the id each vote button carries, so the vote names the answer it is about. */
export const VOTE_ID_PREFIX = 'urn:career-bot:answer:';
// An answer names at most a few units; a longer list in a vote is not one of ours.
const MAX_VOTE_UNITS = 8;
// Teams lets people add a comment; longer text than this is cut before it is logged.
const MAX_COMMENT_CHARS = 500;


/** Web Chat posts the action the person pressed: LikeAction or DislikeAction, with the id the bot gave it. */
const WebChatVote = z.object({
  name: z.literal(WEB_CHAT_FEEDBACK_EVENT),
  entities: z.array(z.object({ '@type': z.enum(['LikeAction', 'DislikeAction']), '@id': z.string().max(300).optional() }).loose()).min(1),
});

/** Teams' feedback loop: `{ actionName: 'feedback', actionValue: { reaction, feedback } }`, replying to the answer. */
const TeamsVote = z.object({
  name: z.literal(TEAMS_FEEDBACK_INVOKE),
  replyToId: z.string().max(300).optional(),
  value: z.object({
    actionName: z.literal('feedback'),
    // Teams' own form sends the comment as JSON text; the Agents SDK also allows an object, and a test client plain text.
    actionValue: z.object({ reaction: z.enum(['like', 'dislike']), feedback: z.union([z.string().max(10_000), z.object({ feedbackText: z.string().max(10_000) }).loose()]).optional() }),
  }),
});

/** The vote an event or invoke carries, or undefined when it is not a well-formed vote. */
export function readVote(activity: Partial<Activity>): Vote | undefined {
  const web = WebChatVote.safeParse(activity);
  if (web.success) {
    const action = web.data.entities[0]!;
    const id = action['@id'];
    return { vote: action['@type'] === 'LikeAction' ? 'up' : 'down', ...(id?.startsWith(VOTE_ID_PREFIX) ? { voteId: id } : {}) };
  }
  const teams = TeamsVote.safeParse(activity);
  if (teams.success) {
    const { reaction, feedback } = teams.data.value.actionValue;
    const comment = commentOf(feedback);
    return { vote: reaction === 'like' ? 'up' : 'down', ...(teams.data.replyToId ? { replyToId: teams.data.replyToId } : {}), ...(comment ? { comment } : {}) };
  }
  return undefined;
}

/** The comment: Teams sends JSON text (`{"feedbackText": "…"}`); an object with feedbackText, or plain text, is read too. */
function commentOf(feedback: string | { feedbackText: string } | undefined): string | undefined {
  if (feedback === undefined) return undefined;
  const text = typeof feedback === 'string' ? feedbackTextIn(feedback) : feedback.feedbackText;
  return text.trim() ? text.trim().slice(0, MAX_COMMENT_CHARS) : undefined;
}

function feedbackTextIn(raw: string): string {
  try {
    const parsed = z.object({ feedbackText: z.string() }).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.feedbackText : raw;
  } catch {
    return raw;
  }
}

/** The id a reply's thumbs carry in Web Chat: it names the answer's units, so a vote says which answer it is about. */
export function voteIdOf(unitIds: readonly string[]): string {
  return `${VOTE_ID_PREFIX}${unitIds.slice(0, MAX_VOTE_UNITS).join('+')}`;
}
