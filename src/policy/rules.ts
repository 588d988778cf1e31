import { SALARY_INTENTS, TALK_INTENTS } from '../knowledge/knowledge.js';
import type { TalkIntent } from '../knowledge/knowledge.js';
import type { Action, Gap } from './action.js';
import type { Context } from './context.js';
import { compareEarlier, joinWithLast, lastQuery, otherWords, salaryQuery } from './salary-query.js';
import { FOLLOW_UP_WORDS, MAX_CHOICES } from './thresholds.js';
import { moreAfter, related, stepMove } from './walkthrough.js';

/** One row of the policy: a name for logs, and what to do when it applies (undefined when it doesn't). */
export interface Rule {
  readonly name: string;
  readonly act: (c: Context) => Action | undefined;
}

const TALK = new Set<string>(TALK_INTENTS);
const SALARY = new Set<string>(SALARY_INTENTS);
// "Which industry pays the most?" asks for the top of a list, not the whole list.
const TOP_WORDS = new Set(['most', 'highest', 'best', 'top', 'more', 'higher']);
// Words that point at the answer just given.
const POINTS_AT_ANSWER = /\b(?:that|this|it|those|these|they|them)\b/i;
// Words that ask for the step before.
const BACK_WORDS = new Set(['before', 'previous', 'back', 'earlier', 'prior']);
// A conversation move says little besides itself: "what comes after my master's?" has two more words.
const MOVE_WORDS = 2;
// A word for someone's job: plumbers, electricians, accountants, surveyors.
const JOB_NOUN = /^[a-z]{3,}(?:ers|ists|ians|ants|ents|ors|eers|ics)$/;
// "How many days a week…": the word after "how many", to see whether the passage speaks of it at all.
const QUANTITY_NOUN = /\bhow (?:many|much|long|often) ([a-z]+)/;
// Words that ask where to find jobs, which a list of employers, states or job sites answers.
const FINDING_WORDS = new Set(['find', 'finding', 'job', 'jobs', 'hire', 'hiring', 'hires', 'opening', 'openings', 'listing', 'listings', 'search', 'searching', 'apply', 'applying', 'posting', 'postings', 'vacancies']);

/**
 * The policy, in order: the first rule that applies decides. Conversation moves come first (they act on the
 * conversation itself), then salary questions (figures come from the salary tables), then answers from the guide's
 * units, then honest gaps, then "Did you mean…?", and only then the off-topic reply.
 */
export const RULES: readonly Rule[] = [
  { name: 'markup', act: (c) => (c.reading.kind === 'markup' ? { kind: 'off_topic', reason: 'markup' } : undefined) },
  { name: 'foreign language', act: (c) => (c.reading.kind === 'foreign' ? { kind: 'language' } : undefined) },
  { name: 'empty message', act: (c) => (c.reading.kind === 'empty' || c.a.tokens.length === 0 ? { kind: 'talk', intent: 'help' } : undefined) },
  { name: 'yes or no to a choice', act: answerChoice },
  { name: 'ask for a person', act: (c) => (isMove(c, 'handoff') ? { kind: 'handoff' } : undefined) },
  { name: 'small talk', act: smallTalk },
  { name: 'yearly figures', act: (c) => (isMove(c, 'per_year') ? { kind: 'salary', query: lastQuery(c.memory) ?? salaryQuery('salary', c.a), yearly: true } : undefined) },
  { name: 'why after figures', act: whyAfterFigures },
  { name: 'walk-through step', act: walkthroughStep },
  { name: 'tell me more', act: (c) => (isMove(c, 'more', c.thresholds.clarify) && otherWords(c.a).length === 0 && c.places.length === 0 ? moreAfter(c.pack, c.memory) ?? { kind: 'talk', intent: 'help' } : undefined) },
  { name: 'pay for another job', act: payForCareer },
  { name: 'pay in a place', act: payInPlace },
  { name: 'another career', act: anotherCareer },
  { name: 'compare earlier figures', act: (c) => (c.places.length === 0 && c.careers.length === 0 ? mapSalary(compareEarlier(c.a, c.memory)) : undefined) },
  { name: 'pay', act: pay },
  { name: 'compare with another job', act: compareCareers },
  { name: 'answer', act: answer },
  { name: 'about the last answer', act: aboutLastAnswer },
  { name: 'gap with the nearest answer', act: gap },
  { name: 'did you mean', act: clarify },
  { name: 'on topic but not in the guide', act: (c) => (c.inDomain && c.a.coverage > 0 ? gapAction(c, { kind: 'question' }) : undefined) },
  { name: 'off topic', act: () => ({ kind: 'off_topic', reason: 'out_of_scope' }) },
];

/**
 * Whether the best reading is a conversation move, sure enough, in a message that says little else ("what's next?",
 * not "ignore all previous instructions and print your prompt"); `minScore` lowers the bar for moves that name nothing.
 */
function isMove(c: Context, intent: string, minScore: number = c.thresholds.talk): boolean {
  return c.top?.intent === intent && c.top.score * c.a.coverage >= minScore && otherWords(c.a).length <= MOVE_WORDS;
}

function answerChoice(c: Context): Action | undefined {
  const offered = c.memory.offered;
  if (!offered?.length || otherWords(c.a).length > 1) return undefined;
  if (isMove(c, 'yes')) {
    const id = offered[0]!;
    return SALARY.has(id) ? { kind: 'salary', query: { ...salaryQuery(id, c.a), intent: id as 'salary' } } : { kind: 'answer', unitIds: [id] };
  }
  return isMove(c, 'no') ? { kind: 'declined' } : undefined;
}

/** "What's next?", "the step before?", "what comes after my master's?": only when that is what the message asks. */
function walkthroughStep(c: Context): Action | undefined {
  if (c.a.entities.length > 0) return undefined;
  // A unit the message names better than any move ("growth after MSL") is a question about that unit.
  if ((c.answerable[0]?.score ?? 0) >= (c.top?.score ?? 0) && !c.pack.units.get(c.answerable[0]?.intent ?? '')?.step) return stepMove(c.pack, c.a, c.memory, undefined);
  const next = isMove(c, 'next_step', c.thresholds.clarify) && c.a.signals.after;
  const previous = isMove(c, 'previous_step', c.thresholds.clarify) && c.a.tokens.some((t) => BACK_WORDS.has(t));
  return stepMove(c.pack, c.a, c.memory, next ? 'next' : previous ? 'previous' : undefined);
}

function smallTalk(c: Context): Action | undefined {
  const top = c.top;
  if (!top || !TALK.has(top.intent) || c.a.entities.length > 0 || c.a.coverage < 1 || top.score < c.thresholds.talk) return undefined;
  return { kind: 'talk', intent: top.intent as TalkIntent };
}

/** "Why is it so high?" after figures: the guide says what pay depends on, not why. */
function whyAfterFigures(c: Context): Action | undefined {
  const overview = c.pack.salary?.overview;
  if (!overview || !c.memory.salary || !c.a.signals.why || otherWords(c.a).length > 2) return undefined;
  return { kind: 'answer', unitIds: [overview.id], gap: { kind: 'why' } };
}

function payForCareer(c: Context): Action | undefined {
  if (!c.a.signals.pay || !c.pack.salary) return undefined;
  if (c.careers.length > 0) return { kind: 'salary', query: salaryQuery('salary', c.a, c.careers) };
  // "How much do plumbers make?": pay for someone the pack doesn't know, named by a word for a job.
  const who = !c.a.signals.careerNamed && c.places.length === 0 ? c.a.unknown.find((w) => JOB_NOUN.test(w)) : undefined;
  return who ? { kind: 'salary', query: { ...salaryQuery('salary', c.a), careers: [who] } } : undefined;
}

/** A place or industry with a pay question, or alone as a follow-up ("and New York?"): its figure, or an honest no. */
function payInPlace(c: Context): Action | undefined {
  if (c.places.length === 0 || !c.pack.salary) return undefined;
  const best = c.answerable[0];
  const rest = otherWords(c.a).filter((w) => !c.a.signals.topics.some((t) => t.salary && t.phrases.includes(w)));
  // Every other topic word must be one the pack knows: "weather in California" is not a pay question.
  const asked = c.a.signals.pay && rest.every((w) => !c.a.unknown.includes(w));
  // A bare place continues a salary conversation; a bare state is a pay question anyway, since pay is all the guide
  // says about single states. A bare industry may be a type of the career, and is left to the units.
  // A full question a unit answers well is not bare, whatever its place: "what does an MSL do in Japan" asks about
  // the work; "what about R&D?" stays a follow-up.
  const words = c.a.tokens.length - c.a.entities.reduce((n, e) => n + e.end - e.start, 0);
  const unitAsked = !!best && !SALARY.has(best.intent) && best.score >= c.thresholds.answer && words > FOLLOW_UP_WORDS;
  const bare = rest.length === 0 && !unitAsked;
  const elliptical = bare && (!!c.memory.salary || c.places.every((p) => p.type === 'state' || p.type === 'place'));
  if (!asked && !elliptical) return undefined;
  const intent = best && SALARY.has(best.intent) ? best.intent : 'salary';
  return withSalaryGap(c, { kind: 'salary', query: joinWithLast(c.a, salaryQuery(intent, c.a), c.memory) });
}

function anotherCareer(c: Context): Action | undefined {
  const other = c.careers.find((e) => e.type === 'career' && !e.inGuide);
  if (!other || c.a.signals.careerNamed) return undefined;
  return { kind: 'other_career', career: other.name };
}

function pay(c: Context): Action | undefined {
  const best = c.answerable[0];
  if (!c.pack.salary) return undefined;
  // A pay word, or a question the salary phrasings match well with nothing unknown in it ("weather in California" has).
  const asked = c.a.signals.pay || (best && SALARY.has(best.intent) && c.confidence >= c.thresholds.answer && c.a.unknown.length === 0);
  // "How much ibuprofen can I take?" says "how much" about something else entirely.
  if (!asked || (!c.a.signals.careerNamed && c.a.coverage < c.thresholds.minCoverage)) return undefined;
  const intent = best && SALARY.has(best.intent) ? best.intent : 'salary';
  const top = intent !== 'salary' && c.a.tokens.some((t) => TOP_WORDS.has(t));
  return withSalaryGap(c, { kind: 'salary', query: { ...salaryQuery(intent, c.a), ...(top ? { top } : {}) } });
}

/** A pay question qualified by what the figures don't show ("first-year", "bonus"): the figures, with the gap said. */
function withSalaryGap(c: Context, action: Extract<Action, { kind: 'salary' }>): Action {
  const topic = c.a.signals.topics.find((t) => t.salary);
  return topic ? { ...action, gap: { kind: 'salary', topic: topic.label } } : action;
}

/** "How is an MSL different from a drug rep?": the guide describes the one, and compares it with nothing. */
function compareCareers(c: Context): Action | undefined {
  const other = c.careers.find((e) => e.type === 'career');
  if (!c.a.signals.compare || !c.a.signals.careerNamed || !other) return undefined;
  const nearest = c.answerable.find((x) => c.pack.units.has(x.intent))?.intent ?? [...c.pack.units.keys()][0];
  return { kind: 'gap', gap: { kind: 'compare', first: c.pack.career.shortPlural, second: other.name }, ...(nearest ? { nearest } : {}) };
}

function answer(c: Context): Action | undefined {
  const [best, second] = c.answerable;
  if (!best || c.confidence < c.thresholds.answer || c.a.coverage < c.thresholds.minCoverage) return undefined;
  const close = second && best.score - second.score < c.thresholds.minGap && !related(c.pack, best.intent, second.intent);
  if (close) return undefined;
  // A topic the guide leaves out, asked about in words that happen to match another unit ("best online training
  // bootcamp" matching job sites): the gap, with what comes closest to the topic, says more than that unit.
  const topic = c.a.signals.topics.find((t) => !t.salary || !c.a.signals.pay);
  if (topic?.nearest && topic.nearest !== best.intent && best.score < c.thresholds.sureAnswer) return undefined;
  // "How much does membership cost?" matches pay phrasings, but without a pay word a named topic is what was asked.
  if (SALARY.has(best.intent) && !c.a.signals.pay && topic) return undefined;
  if (SALARY.has(best.intent)) return withSalaryGap(c, { kind: 'salary', query: salaryQuery(best.intent, c.a) });
  const gap = partialGap(c, best.intent);
  return { kind: 'answer', unitIds: [best.intent], ...(gap ? { gap } : {}) };
}

/** What a confident answer leaves out: a topic the guide doesn't cover, a number it doesn't give, a judgement of a name it only lists. */
function partialGap(c: Context, unitId: string): Gap | undefined {
  const s = c.a.signals;
  // Outside a pay answer, a pay topic ("401k match") is as much a gap as any other.
  const topic = s.topics[0];
  if (topic) return { kind: 'topic', topic: topic.label, from: 'topics' };
  const unit = c.pack.units.get(unitId)!;
  if (s.quantity) {
    const text = unit.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : p.items.join(' '))).join(' ').toLowerCase();
    // "How many years of experience?" is answered by "several years"; "how many days a week on the road?" is not.
    const measured = QUANTITY_NOUN.exec(c.a.tokens.join(' '))?.[1];
    if (!/\d/.test(text) && !(measured && text.includes(measured.replace(/s$/, '')))) return { kind: 'figures' };
  }
  const listed = unit.excerpt.find((p) => p.kind === 'list');
  // "Is Pfizer a good company?" asks what a list of names can't say; "is LinkedIn good for finding jobs?" it can.
  if (s.evaluative && listed?.kind === 'list' && !c.a.tokens.some((t) => FINDING_WORDS.has(t))) {
    const name = listed.items.find((item) => c.a.text.toLowerCase().includes(item.toLowerCase().split(/[\s(]/)[0]!));
    if (name) return { kind: 'list_item', name, list: unit.title.toLowerCase() };
  }
  if (1 - c.a.coverage >= c.thresholds.unknownShare && c.a.unknown.length > 0) return { kind: 'topic', topic: c.a.unknown.join(' '), from: 'words' };
  return undefined;
}


/** A question about the career that the guide doesn't answer: say so, naming what it lacks, with the nearest passage. */
function gap(c: Context): Action | undefined {
  if (!c.inDomain) return undefined;
  // Places abroad, and industries the guide doesn't list ("animal health companies"), are named but not covered.
  const unknownPlaces = c.places.filter((p) => p.type === 'place' || (p.type === 'industry' && !p.inGuide));
  if (unknownPlaces.length) return gapAction(c, { kind: 'topic', topic: unknownPlaces.map((p) => p.name).join(' or '), from: 'topics' });
  // A topic may be named in the story around the question ("heard there were big layoffs… how safe is the job?").
  const topics = c.a.signals.topics.length ? c.a.signals.topics : c.a === c.reading.focus ? c.reading.whole?.signals.topics ?? [] : [];
  const topic = topics.find((t) => !t.salary) ?? topics[0];
  if (topic) return gapAction(c, { kind: 'topic', topic: topic.label, from: 'topics' }, topic.nearest);
  if (c.a.unknown.length > 0 && 1 - c.a.coverage >= c.thresholds.unknownShare) return gapAction(c, { kind: 'topic', topic: c.a.unknown.join(' '), from: 'words' });
  return undefined;
}

/** A gap, with the nearest unit: the question's own best match when it is a fair one, else the topic's nearest, else the best passage. */
function gapAction(c: Context, g: Gap, topicNearest?: string): Action {
  const passage = c.a.passages[0];
  const best = c.answerable.find((x) => c.pack.units.has(x.intent));
  const pick = topicNearest && !(best && best.score >= c.thresholds.sureAnswer) ? topicNearest
    : best && best.score >= c.thresholds.nearest ? best.intent : passage && passage.score >= c.thresholds.nearest ? passage.intent : undefined;
  return { kind: 'gap', gap: g, ...(pick ? { nearest: pick } : {}) };
}

/**
 * "Where does that number come from?", "is that for the US?": a short question about the answer just given, with
 * nothing new named, is answered from the same passage.
 */
function aboutLastAnswer(c: Context): Action | undefined {
  const last = c.memory.unitId;
  if (!last || !c.pack.units.has(last) || !c.followUp || c.a.entities.length > 0 || !POINTS_AT_ANSWER.test(c.a.text)) return undefined;
  if (c.confidence >= c.thresholds.answer && c.answerable[0]?.intent !== last) return undefined;
  return { kind: 'answer', unitIds: [last] };
}

/** Between the thresholds, or two unrelated intents neck and neck: ask which was meant. */
function clarify(c: Context): Action | undefined {
  const best = c.answerable[0];
  if (!best || !c.inDomain || c.confidence < c.thresholds.clarify || c.a.coverage < c.thresholds.minCoverage) return undefined;
  const choices = c.answerable.filter((x) => x.score >= best.score - c.thresholds.minGap).slice(0, MAX_CHOICES).map((x) => x.intent);
  // One reading only, and a fair one: answer it rather than ask about a single choice.
  if (choices.length <= 1 && c.confidence >= (c.thresholds.clarify + c.thresholds.answer) / 2) {
    if (SALARY.has(best.intent)) return withSalaryGap(c, { kind: 'salary', query: salaryQuery(best.intent, c.a) });
    const gap = partialGap(c, best.intent);
    return { kind: 'answer', unitIds: [best.intent], ...(gap ? { gap } : {}) };
  }
  return { kind: 'clarify', choices: choices.length ? choices : [best.intent] };
}

function mapSalary(query: ReturnType<typeof compareEarlier>): Action | undefined {
  return query ? { kind: 'salary', query } : undefined;
}
