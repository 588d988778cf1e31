import { MAX_SUGGESTIONS, type Reply } from './answer/reply.js';
import type { Replies } from './knowledge/schema.js';

/** The greeting for someone who joins the conversation, as a Reply so it is rendered like every other answer. */
export function welcomeReply(replies: Pick<Replies, 'welcome' | 'starters'>): Reply {
  return { text: replies.welcome, suggestions: replies.starters.slice(0, MAX_SUGGESTIONS), outcome: 'talk', unitIds: [], memory: {} };
}
