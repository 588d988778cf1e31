/**
 * One reply, channel-neutral: what the bot says, as blocks. src/channels/ renders it for each channel (Markdown
 * text, an Adaptive Card, plain text); nothing here knows about activities. Inline text may use **bold**.
 */
export type Block =
  /** A unit's title. */
  | { readonly kind: 'heading'; readonly text: string }
  /** Guide text, or the bot's own sentence. */
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  /** Salary figures in titled groups, the asked-for one first and highlighted: a card where cards render. */
  | { readonly kind: 'figures'; readonly title: string; readonly groups: readonly FigureGroup[] }
  /** Where the answer comes from: the guide and its sections, linked when the guide is published. */
  | { readonly kind: 'source'; readonly text: string; readonly url?: string };

export interface ListItem {
  readonly text: string;
  readonly url?: string;
}

export interface FigureGroup {
  readonly title?: string;
  readonly rows: readonly FigureRow[];
}

export interface FigureRow {
  readonly label: string;
  /** As the guide prints it, with how often: "$164,660 a year". */
  readonly value: string;
  readonly highlight?: boolean;
}

/** A follow-up offered as a button: a short caption, and the question it asks. */
export interface Suggestion {
  readonly label: string;
  readonly ask: string;
  /** A link to open instead of a question to ask (the advisor hand-off). */
  readonly url?: string;
}

/** What kind of reply it was, for logs, the report and the evaluation. */
export type Outcome = 'answer' | 'partial' | 'gap' | 'salary' | 'nodata' | 'clarify' | 'talk' | 'off_topic' | 'language' | 'no_more' | 'handoff';

export interface Reply {
  readonly blocks: readonly Block[];
  /** At most three: Teams shows no more. */
  readonly suggestions: readonly Suggestion[];
  readonly outcome: Outcome;
  /** Guide units and salary records in this reply, for logs and evaluation. */
  readonly unitIds: readonly string[];
  /** A guide answer people may vote on. */
  readonly feedback: boolean;
}

// Teams renders at most three suggested actions; other channels follow suit so replies look the same.
export const MAX_SUGGESTIONS = 3;
/**
 * Longest reply, in characters of text: past about 2,000 characters a chat reply floods a phone screen. Two answers
 * to a two-part question are kept within it, or the second is offered as a button instead.
 */
export const MAX_REPLY_CHARS = 1900;

/** The reply's words as plain text: for measuring length, for logs, and for the evaluation's text checks. */
export function plainText(reply: Pick<Reply, 'blocks'>): string {
  return reply.blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
      case 'source':
        return b.text.replace(/\*\*/g, '');
      case 'list':
        return b.items.map((i) => `• ${i.text}`).join('\n');
      case 'figures':
        return [b.title, ...b.groups.flatMap((g) => [...(g.title ? [g.title] : []), ...g.rows.map((r) => `${r.label}: ${r.value}`)])].join('\n');
    }
  }).join('\n\n');
}
