import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** A thumbs up or down on one of the bot's answers. */
export interface Vote {
  readonly vote: 'up' | 'down';
  /** The units the answer gave, when the vote says (Web Chat) or the answer index knows (Teams). */
  readonly units?: readonly string[];
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

const Units = z.string().max(200).transform((s) => s.split('+').filter((u) => /^[a-z][a-z0-9_]*$/.test(u)).slice(0, MAX_VOTE_UNITS));

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
    actionValue: z.object({ reaction: z.enum(['like', 'dislike']), feedback: z.string().max(10_000).optional() }),
  }),
});

/** The vote an event or invoke carries, or undefined when it is not a well-formed vote. */
export function readVote(activity: Partial<Activity>): Vote | undefined {
  const web = WebChatVote.safeParse(activity);
  if (web.success) {
    const action = web.data.entities[0]!;
    const id = action['@id'];
    const units = id?.startsWith(VOTE_ID_PREFIX) ? Units.safeParse(id.slice(VOTE_ID_PREFIX.length)) : undefined;
    return { vote: action['@type'] === 'LikeAction' ? 'up' : 'down', ...(units?.success ? { units: units.data } : {}) };
  }
  const teams = TeamsVote.safeParse(activity);
  if (teams.success) {
    const { reaction, feedback } = teams.data.value.actionValue;
    const comment = commentOf(feedback);
    return { vote: reaction === 'like' ? 'up' : 'down', ...(teams.data.replyToId ? { replyToId: teams.data.replyToId } : {}), ...(comment ? { comment } : {}) };
  }
  return undefined;
}

/** Teams sends the comment as JSON text: `{"feedbackText": "…"}`. */
function commentOf(feedback: string | undefined): string | undefined {
  if (!feedback) return undefined;
  try {
    const parsed = z.object({ feedbackText: z.string() }).safeParse(JSON.parse(feedback));
    return parsed.success && parsed.data.feedbackText.trim() ? parsed.data.feedbackText.trim().slice(0, MAX_COMMENT_CHARS) : undefined;
  } catch {
    return undefined;
  }
}
