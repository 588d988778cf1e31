import { z } from 'zod';

/** Longest message accepted: a question is a sentence or two, and the bot reads no further than that anyway. */
export const MAX_TEXT_LENGTH = 2000;
/** Longest display name or event name kept; anything longer is not a name. */
// A client sends a mention or a vote, a few entities at most; more is not Web Chat.
const MAX_ENTITIES = 16;
const MAX_NAME_LENGTH = 100;
/** Longest locale tag, e.g. "en-US" or "zh-Hant-TW" with room to spare. */
const MAX_LOCALE_LENGTH = 35;
/** Direct Line user ids: short, of characters that are safe in any id ("user-" or "dl_" plus a GUID fits). */
export const UserId = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'must be 1 to 64 letters, digits, "_", ":", "." or "-"');

/** Body of POST /v3/directline/tokens/generate: optionally the user the token speaks for, as Azure accepts it. */
export const TokenRequest = z
  .object({ user: z.object({ id: UserId.optional(), name: z.string().max(MAX_NAME_LENGTH).optional() }).optional() }, { error: 'the body must be a JSON object' })
  .optional();

/**
 * An activity the page posts. Only what Web Chat sends for typed text, suggested actions and card submits is kept;
 * the sender, ids and addresses are the endpoint's to set, never the client's.
 */
export const ClientActivity = z
  .looseObject(
    {
      type: z.enum(['message', 'event', 'typing'], { error: 'must be "message", "event" or "typing"' }),
      text: z.string({ error: 'must be a string' }).max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
      textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
      value: z.unknown().optional(),
      name: z.string().max(MAX_NAME_LENGTH).optional(),
      locale: z.string().max(MAX_LOCALE_LENGTH).optional(),
      localTimestamp: z.string().max(MAX_NAME_LENGTH).optional(),
      localTimezone: z.string().max(MAX_NAME_LENGTH).optional(),
      from: z.looseObject({ name: z.string().max(MAX_NAME_LENGTH).optional() }).optional(),
      channelData: z.looseObject({}, { error: 'must be an object' }).optional(),
      // Web Chat's own vote on an answer sends the schema.org action pressed, which has an "@type" but no "type".
      entities: z.array(z.looseObject({ type: z.string().optional() }), { error: 'must be a list of entities' }).max(MAX_ENTITIES).optional(),
      // Uploads would need blob storage this endpoint does not have; the page hides the upload button.
      attachments: z.array(z.unknown()).max(0, 'attachments are not supported by the local Direct Line').optional(),
    },
    { error: 'the body must be a JSON object (an activity)' },
  )
  .superRefine((activity, ctx) => {
    if (activity.type === 'message' && !activity.text?.trim() && activity.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required: a message needs text or a value' });
    }
    if (activity.type === 'event' && !activity.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required for an event' });
  });
export type ClientActivity = z.infer<typeof ClientActivity>;

/** A poll's watermark: the sequence number of the last activity the client has. */
export const Watermark = z
  .string()
  .regex(/^\d{1,15}$/, 'watermark must be a whole number')
  .transform(Number)
  .optional();
