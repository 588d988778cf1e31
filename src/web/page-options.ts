import { z } from 'zod';

/** Longest title: it sits on one line of a chat panel a few hundred pixels wide. */
export const MAX_TITLE_LENGTH = 60;
/** Starter questions shown at most; more would crowd a small panel, and the welcome suggests three of its own. */
export const MAX_STARTERS = 3;
/** Longest starter question: one line on a button. */
export const MAX_STARTER_LENGTH = 120;
/** The brand's teal; dark enough for white text on it to read at WCAG AA. */
export const DEFAULT_ACCENT = '#0b6e69';

/** "#1a2b3c" or "#abc": the only colours accepted, so nothing but a colour can reach a style. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
// Control characters have no business in a visible title and could break the page's layout.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const plainText = (value: string): string => value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
/** A page origin, as embed.js sends its own (location.origin): scheme, host and port, nothing else. */
const ORIGIN = z.string().refine((value) => {
  try {
    return /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be an origin such as https://careers.example.org');

const PageOptionsSchema = z.object({
  title: z
    .string()
    .transform(plainText)
    .pipe(z.string().min(1, 'must not be empty').max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`))
    // Left out, the page is titled after the guide it serves.
    .optional(),
  accent: z.string().trim().regex(HEX_COLOUR, 'must be a CSS hex colour such as #0b6e69 (encode # as %23 in a URL)').default(DEFAULT_ACCENT),
  starters: z
    .array(z.string().transform(plainText).pipe(z.string().min(1, 'must not be empty').max(MAX_STARTER_LENGTH, `must be at most ${MAX_STARTER_LENGTH} characters`)))
    .max(MAX_STARTERS, `at most ${MAX_STARTERS} starter questions`)
    .default([]),
  // The page embed.js framed the chat in: the only window the chat's messages (Escape, Tab) are posted to.
  parent: ORIGIN.optional(),
});

/** How an embedding page dresses the chat: its title, accent colour and starter questions. */
export type PageOptions = z.infer<typeof PageOptionsSchema>;

/** Reads ?title=…&accent=%23…&starter=…&starter=…&parent=…; unknown parameters are ignored, bad values are errors. */
export function parsePageOptions(query: URLSearchParams): z.ZodSafeParseResult<PageOptions> {
  return PageOptionsSchema.safeParse({
    title: query.get('title') ?? undefined,
    accent: query.get('accent') ?? undefined,
    starters: query.getAll('starter').length > 0 ? query.getAll('starter') : undefined,
    parent: query.get('parent') ?? undefined,
  });
}

/** A question as a person reads it: case, punctuation and spacing do not make "Do I need a PhD?" another question. */
const asRead = (question: string): string => question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The starter questions worth showing: those the welcome does not already offer as buttons, each once. An advisor who
 * picks "Do I need a PhD?" for a portal should not see it twice on a page whose welcome offers "do I need a PhD".
 */
export function withoutRepeats(starters: readonly string[], offered: readonly string[]): string[] {
  const seen = new Set(offered.map(asRead));
  return starters.filter((starter) => {
    const read = asRead(starter);
    if (seen.has(read)) return false;
    seen.add(read);
    return true;
  });
}
