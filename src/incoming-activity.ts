import { z } from 'zod';

const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) });
const Account = z.looseObject({ id: z.string(required('a string')) }, required('an object with an id'));

/**
 * A mention as botbuilder's removeRecipientMention reads it: whom it names and the text to cut out. The SDK reads
 * `mentioned.id` and `text` without checking them, so a mention without them fails the turn.
 */
export const MentionEntity = z.looseObject({
  type: z.string().regex(/^mention$/i),
  mentioned: z.looseObject({ id: z.string({ error: 'must be a string' }) }, { error: 'must be an object with an id' }),
  text: z.string({ error: 'must be a string' }),
});

/** Whether an entity says it is a mention, as botbuilder decides it (case-insensitively). */
export const isMention = (entity: unknown): boolean =>
  typeof (entity as { type?: unknown } | null)?.type === 'string' && (entity as { type: string }).type.toLowerCase() === 'mention';

/**
 * The invoke values botbuilder's ActivityHandler reads before any bot code runs: an Adaptive Card action's and a
 * search's. It reads their fields without checking them, so a number or null there fails the turn.
 */
export const INVOKE_VALUES: Readonly<Record<string, z.ZodType>> = {
  'adaptiveCard/action': z.looseObject({ action: z.looseObject({ type: z.string() }, { error: 'must be an object with a type' }) }, { error: 'must be an object with an action' }),
  'application/search': z.looseObject({ kind: z.string().optional(), queryText: z.string() }, { error: 'must be an object with a queryText' }),
};

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
    entities: z.array(
      z.looseObject({ type: z.string(required('a string')) }).superRefine((entity, ctx) => {
        if (!isMention(entity)) return;
        for (const issue of MentionEntity.safeParse(entity).error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }),
      { error: 'must be a list of entities' },
    ).optional(),
    serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    deliveryMode: z.string({ error: 'must be a string' }).optional(),
    name: z.string({ error: 'must be a string' }).optional(),
  },
  { error: 'the body must be a JSON object (a Bot Framework activity)' },
).superRefine((a, ctx) => {
  const schema = a.type === 'invoke' && a.name !== undefined ? INVOKE_VALUES[a.name] : undefined;
  for (const issue of schema?.safeParse(a.value).error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
}).refine(
  // Replies go to serviceUrl unless they come back in the response; without one the SDK would post to a default host.
  (a) => a.serviceUrl !== undefined || a.deliveryMode === 'expectReplies',
  { path: ['serviceUrl'], message: 'is required unless deliveryMode is "expectReplies"' },
);

/** One line naming every problem, e.g. "type: is required; text: must be a string". */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
