import { z } from 'zod';

const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) });
const Account = z.looseObject({ id: z.string(required('a string')) }, required('an object with an id'));

/**
 * The parts of an incoming activity the bot relies on. Anything else passes through untouched for the adapter;
 * a request that fails this is the sender's mistake and gets a 400, not a failed turn.
 */
export const IncomingActivity = z.looseObject(
  {
    type: z.string(required('a string')).min(1, 'must not be empty'),
    // Conversation state is keyed by channel and conversation.
    channelId: z.string(required('a string')).min(1, 'must not be empty'),
    conversation: z.looseObject({ id: z.string(required('a string')).min(1, 'must not be empty') }, required('an object with an id')),
    from: Account,
    recipient: Account.optional(),
    text: z.string({ error: 'must be a string' }).optional(),
    membersAdded: z.array(Account, { error: 'must be a list of accounts' }).optional(),
    entities: z.array(z.looseObject({ type: z.string(required('a string')) }), { error: 'must be a list of entities' }).optional(),
    serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    deliveryMode: z.string({ error: 'must be a string' }).optional(),
  },
  { error: 'the body must be a JSON object (a Bot Framework activity)' },
).refine(
  // Replies go to serviceUrl unless they come back in the response; without one the SDK would post to a default host.
  (a) => a.serviceUrl !== undefined || a.deliveryMode === 'expectReplies',
  { path: ['serviceUrl'], message: 'is required unless deliveryMode is "expectReplies"' },
);

/** One line naming every problem, e.g. "type: is required; text: must be a string". */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
