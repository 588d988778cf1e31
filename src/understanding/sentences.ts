import { foldWhiteSpace } from './white-space.js';

/**
 * Finding the question in what people write: a forum post puts its question after three sentences of story, a chat
 * message starts with "hii", and one message may ask two things. Pure string work, before any matching.
 */

/** Longest message read at all: past this, a pasted essay only costs time. The question is looked for within it. */
export const MAX_READ_CHARS = 2000;
/** At most this many questions are read out of one message: the policy answers two, and a third is rare. */
export const MAX_PARTS = 3;

// Words a question starts with, and phrases that turn a statement into one ("I'm wondering whether …").
const QUESTION_START = /^(?:what|what's|whats|how|hows|how's|which|where|when|why|who|whom|whose|is|are|am|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|any|anyone|anybody|has|have|had|tell me|explain|describe|list|give me|show me|i want to know|i'd like to know|id like to know|is there|are there|advice|tips|help me)\b/i;
const QUESTION_MARKER = /\b(?:wondering|wonder|curious|want to know|would like to know|need to know|not sure|unsure|trying to figure out|trying to understand|hoping to learn)\b\s*(?:about|on|whether|if|how|what|why|where|which|when)?\s*/i;
const GREETING = /^(?:hi+|hey+|hello+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|dear \w+)(?:\s+(?:all|everyone|everybody|guys|folks|there|team|bot|friends))?[\s,!.:;-]*/i;
// A clause that starts a second question inside one sentence: "…, and how do I build them".
const SECOND_QUESTION = /(?:,\s*|\s+)(?:and|also|plus|but|or|\+|&)\s+(?=(?:what|what's|whats|how|how's|hows|which|where|when|why|who|is|are|do|does|can|could|should|would|will)\b)/i;
// A sentence may open with a conjunction ("And what websites should I use?"): it asks all the same.
const LEADING_CONJUNCTION = /^(?:(?:and|also|plus|so|but|or|then|like|ok|okay|um|well|honestly|seriously|basically)\b[\s,]*)+/i;
// "…long story… tl;dr can you become an MSL without a PhD": what follows the tl;dr is the question.
const TLDR = /\btl\s*;?\s*dr\b[:,.\s-]*/i;
// Words that make a clause before the question the writer's own story.
const FIRST_PERSON = /\b(?:i|im|i'm|i've|ive|my|me|we|we're|our)\b/i;
// A clause this long before the question is story even without "I": a short one is the question's subject.
const STORY_WORDS = 6;
// A clause after a comma that asks ("im a biology student, what does an msl do").
const CLAUSE_SPLIT = /,\s*|\s+(?:but|so)\s+/i;

export interface MessageShape {
  /** The message started with a greeting ("hi, …"). */
  readonly greeting: boolean;
  /** What was asked: the question sentences, or the whole message when none reads as a question. */
  readonly focus: string;
  /** The rest: the story around the question. */
  readonly context: string;
  /** The questions asked, one or more, each a piece of the focus. */
  readonly parts: readonly string[];
}

/** Splits a message into the question it asks (and its parts) and the story around it. */
export function shapeOf(raw: string): MessageShape {
  let text = foldWhiteSpace(raw.slice(0, MAX_READ_CHARS)).trim();
  const greeted = GREETING.exec(text);
  const afterGreeting = greeted ? text.slice(greeted[0].length) : text;
  const greeting = !!greeted && afterGreeting.split(' ').filter(Boolean).length >= 2;
  if (greeting) text = afterGreeting;
  const tldr = TLDR.exec(text);
  if (tldr && text.slice(tldr.index + tldr[0].length).trim().split(' ').length >= 2) {
    const question = text.slice(tldr.index + tldr[0].length).trim();
    return { greeting, focus: question, context: text.slice(0, tldr.index).trim(), parts: splitQuestion(question).slice(0, MAX_PARTS) };
  }

  const sentences = text.split(/(?<=[.!?;])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  const questions: string[] = [];
  const story: string[] = [];
  for (const full of sentences) {
    // Emoji, quotes and dashes before the first word say nothing about whether it asks.
    const sentence = full.replace(/^[^\p{L}\p{N}]+/u, '').replace(LEADING_CONJUNCTION, '');
    const found = questionIn(sentence);
    const judged = found && suitability(found.question);
    const asked = judged ? { question: judged.question, before: [found.before, judged.before].filter(Boolean).join(' ') } : found;
    if (asked) {
      questions.push(asked.question);
      if (asked.before) story.push(asked.before);
    } else {
      story.push(sentence);
    }
  }
  // Nothing reads as a question: a fragment ("msl travel"), or a statement meant as one. Then all of it is asked.
  if (questions.length === 0) return { greeting, focus: text, context: '', parts: splitQuestion(text).slice(0, MAX_PARTS) };
  const parts = questions.flatMap(splitQuestion).slice(0, MAX_PARTS);
  return { greeting, focus: questions.join(' '), context: story.join(' '), parts };
}

/** The question a sentence asks, and the story before it, or undefined when it asks nothing. */
function questionIn(sentence: string): { question: string; before: string } | undefined {
  const marker = QUESTION_MARKER.exec(sentence);
  if (marker) {
    const rest = sentence.slice(marker.index + marker[0].length).trim();
    if (rest.split(' ').length >= 2) return { question: rest, before: sentence.slice(0, marker.index).trim() };
  }
  if (QUESTION_START.test(sentence)) return { question: sentence, before: '' };
  const clauses = sentence.split(CLAUSE_SPLIT);
  const at = clauses.findIndex((c, i) => i > 0 && QUESTION_START.test(c.trim()));
  if (at > 0) {
    const before = clauses.slice(0, at).join(', ');
    // "hospitals vs federal government, which pays more?" keeps its subject; "I'm a nurse, how do I…" is story.
    const story = FIRST_PERSON.test(before) || before.split(' ').length >= STORY_WORDS;
    return story ? { question: clauses.slice(at).join(', '), before } : { question: sentence, before: '' };
  }
  if (sentence.endsWith('?')) return { question: sentence, before: '' };
  return undefined;
}

/**
 * "Are medical affairs jobs like MSL a good fit for someone who likes teaching?" asks about the fit, not about medical
 * affairs: in a suitability question the thing judged is context, and what it is judged for is the question.
 */
const SUITABILITY = /^(.+?)\s+(?:is|are|be)\s+(?:a\s+|the\s+)?(?:good|great|right|bad|poor|suitable|smart|realistic)\s+((?:fit|match|choice|path|option|move)\b.+)$/i;

function suitability(question: string): { question: string; before: string } | undefined {
  const m = SUITABILITY.exec(question);
  return m && m[2]!.split(' ').length >= 3 ? { question: `good ${m[2]}`, before: m[1]! } : undefined;
}

/** "What skills do I need and how do I build them?" asks two things. */
function splitQuestion(question: string): string[] {
  const pieces = question.split(SECOND_QUESTION).map((p) => p.trim()).filter((p) => p.split(' ').length >= 2);
  return pieces.length > 1 ? pieces : [question];
}
