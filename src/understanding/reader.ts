import { CONVERSATION_INTENTS, SALARY_INTENTS, type Pack } from '../knowledge/knowledge.js';
import { BestFirst } from './best-first.js';
import type { EntityExtractor, EntityMention } from './entities.js';
import { isEnglish, type EnglishWords } from './english-lexicon.js';
import { IntentClassifier } from './intent-classifier.js';
import { IntentTally } from './intent-tally.js';
import { isForeign } from './language.js';
import { normalize } from './normalize.js';
import { PassageIndex, type QueryTerm } from './passage-index.js';
import { PhraseRetriever } from './phrase-retriever.js';
import type { Analysis, NamedTopic, Reading, Signals } from './reading.js';
import { shapeOf } from './sentences.js';
import type { SpellingCorrector } from './spelling.js';
import { GLUE_WORDS, NON_TOPIC_WORDS } from './stopwords.js';
import { featureStems, stem, type TextPipeline } from './text-pipeline.js';
import { buildPipeline, featuresOf, type Training } from './training.js';

/** How much each signal counts in a unit's score. */
export const WEIGHTS = Object.freeze({
  /** natural's naive Bayes posterior over the curated phrasings: sharp on words seen in training. */
  classifier: 0.43,
  /** Similarity to the closest curated phrasing (IDF-weighted F1): rewards saying what an example says. */
  retrieval: 0.4,
  /** BM25 over the guide's own passages: finds a unit from its heading, question and text, phrasings or not. */
  passage: 0.45,
  /** A unit's own keyword named outright ("Pfizer", "pharmacovigilance"): points straight at that unit. */
  keyword: 0.35,
  /** A message that says exactly what one example says (the same stems) is that example's intent. */
  exact: 0.1,
  /**
   * A unit with no curated phrasings is known from its heading and text alone: the classifier and phrase retrieval
   * only have its title to go on (and favour short titles on function words like "how"), so its passage counts this
   * much instead, and those two count GUIDE_ONLY_SHARE of their weight.
   */
  passageAlone: 2,
});
/** The share of their weight the classifier and phrase retrieval keep for a unit known only from the guide. */
const GUIDE_ONLY_SHARE = 0.4;
export type Weights = { readonly [K in keyof typeof WEIGHTS]: number };
// Retrieval similarity at which a message counts as saying exactly what an example says (rounding aside).
const EXACT_SIMILARITY = 0.999;
// Words whose knownness is remembered: a busy day's vocabulary, bounded so a flood of made-up words cannot grow it.
const MAX_CACHED_WORDS = 20_000;
/** The best passages an analysis keeps, in order: the policy looks at the first, `npm run ask` shows three. */
export const PASSAGES_KEPT = 3;
/** A WordNet synonym standing in for a word no passage uses counts for this share of the word itself. */
export const SYNONYM_WEIGHT = 0.5;

const NOTHING: ReadonlySet<string> = new Set();
type EnglishKind = 'noun' | 'other' | 'none';
// A question that points back at a place or industry named earlier in the message.
const POINTS_BACK = /\b(?:that|this|those|these)\s+(?:(?:two|three|2|3)\s+)?(?:industry|industries|state|states|sector|sectors|field|place|area|one|ones)\b|\b(?:which|either|each|both)\s+of\s+(?:those|these|them|the two)\b|\bthere\b/i;
// A word after a pronoun, "to" or a modal is a verb ("should I target", "to pivot"): it names no topic.
const VERB_POSITION = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'to', 'should', 'would', 'could', 'can', 'will', 'must', 'might']);
// The same words by stem, so that "kinds" and "things" are as little a topic as "kind" and "thing".
const NON_TOPIC_STEMS = new Set([...NON_TOPIC_WORDS].map(stem));
// Markup in a message is never a question about the guide, and must never be echoed back.
const MARKUP = /<\/?[a-z][^>]*>|<script|javascript:/i;
// Stems that make a message a pay question whatever else it names ("what's the salary of a nurse").
const PAY_STEMS = new Set(['salari', 'pai']);
const PAY_VERBS = new Set(['make', 'makes', 'making', 'earn', 'earns', 'get', 'gets']);
const EARN = new Set(['earn', 'earns', 'earning']);
// "What do MSLs make" asks about pay when "make" ends the question or pay words follow it, not "make a good candidate".
const MAKE_FOLLOWERS = new Set(['in', 'at', 'per', 'annually', 'yearly', 'starting', 'on', 'right', 'now', 'these', 'nowadays', 'typically', 'usually', 'roughly', 'approximately', 'there', 'working', 'as', 'with', 'after', 'when', 'if', 'compared', 'versus', 'than', 'vs', 'year', 'annual', 'hourly', 'monthly', 'overall', 'total']);
const PERIODS = new Set(['year', 'month', 'week', 'hour', 'day']);
const COMPARE_WORDS = new Set(['compare', 'compared', 'comparing', 'comparison', 'versus', 'against', 'than', 'difference', 'differences', 'differ', 'differs', 'different', 'similar', 'similarities', 'distinguish']);
const AFTER_WORDS = new Set(['after', 'next', 'then', 'follow', 'following', 'done', 'finished', 'finish', 'complete', 'completed']);
const CONVERSATION = new Set<string>(CONVERSATION_INTENTS);
const SALARY = new Set<string>(SALARY_INTENTS);

/**
 * Reads messages against one guide pack: pure functions over the pack, no Bot Framework, no conversation memory.
 * A message is shaped into its question and parts (sentences.ts); each piece is scored against every unit by
 * three signals (the classifier and phrase retrieval over curated phrasings, BM25 over the guide's own passages)
 * and searched for what the guide doesn't know.
 */
export class Reader {
  private readonly pipeline: TextPipeline;
  private readonly speller: SpellingCorrector;
  private readonly extractor: EntityExtractor;
  private readonly classifier: IntentClassifier;
  private readonly retriever: PhraseRetriever;
  private readonly passages: PassageIndex;
  private readonly synonyms: ReadonlyMap<string, readonly string[]>;
  private readonly keywordIndex = new Map<string, string>();
  /** Each keyword's first word, with the keywords' lengths in words as bits (bit n: a keyword of n words). */
  private readonly keywordLengths = new Map<string, number>();
  private readonly careerToken: string;
  private readonly quantity: RegExp;
  private readonly evaluative: ReadonlySet<string>;
  /** Each topic phrase's words → the topics it names; phrases are looked up by their words, not by 30 regexes. */
  private readonly topicPhrases = new Map<string, NamedTopic[]>();
  /** Each topic phrase's first word, with the phrases' lengths in words as bits, as for keywords. */
  private readonly topicLengths = new Map<string, number>();
  /** What an empty message reads as: nothing at all. */
  private readonly empty: Analysis;
  /** Units with no curated phrasings, known from the guide alone. */
  private readonly guideOnly: ReadonlySet<string>;
  /** Each piece's scores, summed per intent. */
  private readonly tally: IntentTally;
  /** Per intent (by the tally's numbers), what the classifier's, phrase retrieval's and a passage's score is worth. */
  private readonly classifierWeight: Float64Array;
  private readonly retrievalWeight: Float64Array;
  private readonly passageWeight: Float64Array;
  /** Each scorer's intents (by their places in its own list) as the tally numbers them. */
  private readonly fromClassifier: Int32Array;
  private readonly fromRetriever: Int32Array;
  private readonly fromPassages: Int32Array;
  /** What the scorers hand over, weighted into the tally. */
  private readonly addClassified = (intent: number, score: number): void => {
    const n = this.fromClassifier[intent]!;
    this.tally.add(n, this.classifierWeight[n]! * score);
  };
  private readonly addRetrieved = (intent: number, score: number): void => {
    const n = this.fromRetriever[intent]!;
    this.tally.add(n, this.retrievalWeight[n]! * score + (score >= EXACT_SIMILARITY ? this.weights.exact : 0));
  };
  private readonly bestPassages = new BestFirst(PASSAGES_KEPT);
  private readonly addPassage = (intent: number, score: number): void => {
    const n = this.fromPassages[intent]!;
    this.tally.add(n, this.passageWeight[n]! * score);
    this.bestPassages.offer(this.passages.intents[intent]!, score);
  };
  /** isKnownWord's answers: every message asks it of every word, and the words of a day's questions repeat. */
  private readonly knownWords = new Map<string, boolean>();
  /** englishKind's answers, for the same reason. */
  private readonly englishKinds = new Map<string, EnglishKind>();

  constructor(readonly pack: Pack, private readonly english: EnglishWords, training: Training, private readonly weights: Weights = WEIGHTS) {
    const { pipeline, extractor, speller } = buildPipeline(pack, english, training.vocabulary);
    this.pipeline = pipeline;
    this.speller = speller;
    this.extractor = extractor;
    this.classifier = new IntentClassifier(training.bayes);
    this.retriever = new PhraseRetriever(training.examples);
    this.passages = new PassageIndex(training.passages);
    this.synonyms = training.synonyms;
    this.careerToken = pack.career.short.toLowerCase();
    for (const unit of pack.units.values()) {
      for (const k of unit.keywords) {
        const key = this.pipeline.canonical(k).map(singular).join(' ');
        if (key) {
          this.keywordIndex.set(key, unit.id);
          addLength(this.keywordLengths, key);
        }
      }
    }
    this.quantity = phrasePattern(pack.topics.quantity);
    this.evaluative = new Set(pack.topics.evaluative);
    // Each topic's nearest unit is found once, by asking the passages for its "near" words.
    for (const topic of pack.topics.topics) {
      const best = new BestFirst(1);
      if (topic.near) this.passages.search(this.query(featureStems(this.pipeline.canonical(topic.near))), (intent, score) => best.offer(this.passages.intents[intent]!, score));
      const nearest = best.take()[0]?.intent;
      const named: NamedTopic = nearest ? { ...topic, nearest } : topic;
      for (const phrase of topic.phrases) {
        const key = phraseWords(phrase).join(' ');
        this.topicPhrases.set(key, [...(this.topicPhrases.get(key) ?? []), named]);
        addLength(this.topicLengths, key);
      }
    }
    // The salary overview's phrasings are the "salary" intent's, when the pack has them.
    const covered = (id: string): boolean => !!pack.phrasings[id]?.length || (id === pack.salary?.overview.id && !!pack.phrasings.salary?.length);
    this.guideOnly = new Set([...pack.units.keys()].filter((id) => !covered(id)));
    this.tally = new IntentTally([...training.examples.map((e) => e.intent), ...training.passages.map((p) => p.id), ...pack.units.keys(), 'salary']);
    const share = (intent: string): number => (this.guideOnly.has(intent) ? GUIDE_ONLY_SHARE : 1);
    // Conversation moves and salary intents have no passage of their own: their phrasings stand in for one.
    const own = (intent: string): number => (CONVERSATION.has(intent) || SALARY.has(intent) ? weights.passage : 0);
    this.classifierWeight = Float64Array.from(this.tally.intents, (i) => weights.classifier * share(i));
    this.retrievalWeight = Float64Array.from(this.tally.intents, (i) => (weights.retrieval * share(i)) + own(i));
    this.passageWeight = Float64Array.from(this.tally.intents, (i) => (this.guideOnly.has(i) ? weights.passageAlone : weights.passage));
    this.fromClassifier = Int32Array.from(this.classifier.intents, (i) => this.tally.numberOf(i));
    this.fromRetriever = Int32Array.from(this.retriever.intents, (i) => this.tally.numberOf(i));
    this.fromPassages = Int32Array.from(this.passages.intents, (i) => this.tally.numberOf(i));
    this.empty = this.analyse('');
  }

  /** Reads one message: its kind, the question it asks and, when it asks several, each part. */
  read(raw: string): Reading {
    if (raw.trim() === '') return { kind: 'empty', greeting: false, focus: this.empty, parts: [] };
    if (MARKUP.test(raw)) return { kind: 'markup', greeting: false, focus: this.empty, parts: [] };
    if (isForeign(raw, (w) => this.isKnownWord(w))) return { kind: 'foreign', greeting: false, focus: this.empty, parts: [] };
    const shape = shapeOf(raw);
    let focus = this.analyse(shape.focus);
    const whole = shape.context ? this.analyse(`${shape.context} ${shape.focus}`) : undefined;
    // "…I work in R&D. What does that industry pay?": the place the question points back to is in the story.
    if (whole && focus.entities.length === 0 && POINTS_BACK.test(shape.focus)) {
      const carried = whole.entities.filter((e) => e.type !== 'career');
      if (carried.length) focus = { ...focus, entities: carried };
    }
    const parts = shape.parts.length > 1 ? shape.parts.map((p) => this.analyse(p)) : [];
    return { kind: 'text', greeting: shape.greeting, focus, parts, ...(whole ? { whole } : {}) };
  }

  /** Scores one piece of text against every intent, and finds what it asks beyond its topic. */
  analyse(text: string): Analysis {
    const processed = this.pipeline.process(text);
    const { tokens } = processed;
    const entities = this.extractor.extract(tokens, text);
    const stems = tokens.map(stem);
    const keywords = this.findKeywords(tokens.map(singular));
    const features = featuresOf(processed, entities);

    const { tally } = this;
    this.classifier.classify(features, this.addClassified);
    this.retriever.search(features, this.addRetrieved);
    const stemsOf = (only: (e: EntityMention) => boolean): ReadonlySet<string> => {
      if (entities.length === 0) return NOTHING;
      const found = new Set<string>();
      for (const e of entities) if (only(e)) for (let i = e.start; i < e.end; i++) found.add(stems[i]!);
      return found;
    };
    const entityStems = stemsOf(() => true);
    const abroadStems = stemsOf((e) => e.type === 'place');
    // The words that name a topic count for passages; a question with none but the career ("what is an MSL")
    // counts every word but glue. Places never do: "California" names no passage.
    const placeStems = stemsOf((e) => e.type !== 'career');
    const usable: string[] = [];
    const topical: string[] = [];
    let topicalBeyondCareer = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const s = stems[i]!;
      if (GLUE_WORDS.has(t) || placeStems.has(s)) continue;
      usable.push(s);
      if (t === this.careerToken) topical.push(s);
      else if (!(NON_TOPIC_WORDS.has(t) || NON_TOPIC_STEMS.has(s))) { topical.push(s); topicalBeyondCareer = true; }
    }
    this.passages.search(this.query(topicalBeyondCareer ? topical : usable), this.addPassage);
    for (const k of keywords) tally.add(tally.numberOf(k), this.weights.keyword);

    const signals = this.signals(processed.normalized, tokens, stems, entities.length > 0);
    if (signals.pay) tally.add(tally.numberOf('salary'), this.weights.keyword);
    const ranked = tally.rank();

    // Coverage: of the words that could name a topic, the share the pack knows. English words that are never
    // nouns ("honestly", "terrible", "succeeding") are left out: they colour a question but name no topic.
    let judged = 0;
    let known = 0;
    const unknown: string[] = [];
    const topicWords: string[] = [];
    tokens.forEach((word, i) => {
      const s = stems[i]!;
      if (NON_TOPIC_WORDS.has(word) || GLUE_WORDS.has(word) || NON_TOPIC_STEMS.has(s)) return;
      // Places abroad are named but not the guide's: they count against how much of the question it knows.
      const abroad = abroadStems.has(s);
      const named = (entityStems.has(s) && !abroad) || /^\d/.test(word) || word === this.careerToken;
      if (!named && !abroad) topicWords.push(word);
      const isKnown = named || (!abroad && this.knowsStem(s));
      if (abroad) { judged++; return; }
      if (!isKnown) {
        const english = this.englishKind(word);
        if (english === 'other' || (english === 'noun' && VERB_POSITION.has(tokens[i - 1] ?? ''))) return;
      }
      judged++;
      if (isKnown) known++; else unknown.push(word);
    });
    return {
      text, tokens, ranked, passages: this.bestPassages.take(), entities,
      jobTitle: signals.pay ? this.extractor.jobTitle(tokens, entities) : undefined,
      keywords, coverage: judged ? known / judged : 1, unknown: [...new Set(unknown)], topicWords, signals,
    };
  }

  /** Whether the pack knows a stem: from its phrasings, its passages, or as a WordNet synonym of one of its words. */
  private knowsStem(s: string): boolean {
    return this.classifier.knows(s) || this.passages.has(s) || this.synonyms.has(s);
  }

  /** Whether a word is English, and if so whether it may be a noun; remembered, as the word lists are large. */
  private englishKind(word: string): EnglishKind {
    let kind = this.englishKinds.get(word);
    if (kind === undefined) {
      kind = !isEnglish(this.english, word) ? 'none' : isEnglish(this.english.nouns, word) ? 'noun' : 'other';
      if (this.englishKinds.size >= MAX_CACHED_WORDS) this.englishKinds.clear();
      this.englishKinds.set(word, kind);
    }
    return kind;
  }

  /** Whether a word is English or the pack's own, or a misspelling of one (for telling English with typos and jargon from another language). */
  private isKnownWord(word: string): boolean {
    let known = this.knownWords.get(word);
    if (known === undefined) {
      const w = /^[a-z]+$/.test(word) ? word : normalize(word);
      known = GLUE_WORDS.has(w) || NON_TOPIC_WORDS.has(w) || isEnglish(this.english, w) || this.knowsStem(stem(w))
        || this.pipeline.hasSynonym(w) || this.speller.correct(w) !== w;
      if (this.knownWords.size >= MAX_CACHED_WORDS) this.knownWords.clear();
      this.knownWords.set(word, known);
    }
    return known;
  }

  /** Passage query terms: the words themselves, or WordNet synonyms of them that the passages use. */
  private query(stems: readonly string[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    for (const s of new Set(stems)) {
      if (this.passages.has(s)) { terms.push({ stem: s, weight: 1 }); continue; }
      const alternatives = this.synonyms.get(s);
      if (!alternatives) { terms.push({ stem: s, weight: 1 }); continue; }
      // The word counts once, shared among the passage words it may stand for.
      for (const a of alternatives) terms.push({ stem: a, weight: SYNONYM_WEIGHT / alternatives.length });
    }
    return terms;
  }

  private signals(normalized: string, tokens: readonly string[], stems: readonly string[], namesSomething: boolean): Signals {
    const text = ` ${normalized.replace(/-/g, ' ')} `;
    const at = (i: number): string | undefined => tokens[i];
    const howMuch = tokens.some((t, i) => t === 'how' && at(i + 1) === 'much' && tokens.slice(i + 2, i + 6).some((w) => PAY_VERBS.has(w)));
    const make = tokens.some((t, i) => (t === 'make' || t === 'makes') && (
      i === tokens.length - 1 || MAKE_FOLLOWERS.has(at(i + 1)!) || (at(i + 1) === 'a' && PERIODS.has(at(i + 2) ?? ''))
      // "What does a product manager at a pharma company make" names who earns before "make"; "make a good candidate" doesn't.
      || (namesSomething && !['a', 'an', 'the', 'you', 'me', 'it', 'them', 'us', 'him', 'her', 'sure', 'sense', 'good'].includes(at(i + 1)!))));
    // "Earn" is pay unless something is earned ("earn a degree", "earn their trust").
    const earn = tokens.some((t, i) => EARN.has(t) && !['a', 'an', 'the', 'my', 'your', 'their', 'his', 'her', 'our', 'some'].includes(at(i + 1) ?? '') || (EARN.has(t) && at(i + 1) === 'a' && PERIODS.has(at(i + 2) ?? '')));
    return {
      pay: stems.some((s) => PAY_STEMS.has(s)) || howMuch || make || earn,
      quantity: this.quantity.test(text),
      evaluative: tokens.some((t) => this.evaluative.has(t)),
      compare: tokens.some((t) => COMPARE_WORDS.has(t)),
      why: tokens[0] === 'why' || tokens.includes('why'),
      after: tokens.some((t) => AFTER_WORDS.has(t)),
      careerNamed: tokens.includes(this.careerToken),
      topics: this.topicsIn(phraseWords(normalized)),
    };
  }

  /** The topics whose phrases the words contain, in the order the topics are listed. */
  private topicsIn(words: readonly string[]): NamedTopic[] {
    const found = new Set<NamedTopic>();
    for (let i = 0; i < words.length; i++) {
      const lengths = this.topicLengths.get(words[i]!);
      if (lengths === undefined) continue;
      let key = '';
      for (let n = 1; n <= longestOf(lengths) && i + n <= words.length; n++) {
        key = n === 1 ? words[i]! : `${key} ${words[i + n - 1]}`;
        if ((lengths >> n) & 1) for (const t of this.topicPhrases.get(key) ?? []) found.add(t);
      }
    }
    if (found.size === 0) return [];
    return this.pack.topics.topics.flatMap((t) => [...found].filter((f) => f.id === t.id).slice(0, 1));
  }

  /** Units whose keywords the words name, longest keyword first at each word; only words a keyword starts with are tried. */
  private findKeywords(words: readonly string[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const lengths = this.keywordLengths.get(words[i]!);
      if (lengths === undefined) continue;
      for (let n = Math.min(longestOf(lengths), words.length - i); n >= 1; n--) {
        if (!((lengths >> n) & 1)) continue;
        const unit = this.keywordIndex.get(words.slice(i, i + n).join(' '));
        if (unit) {
          if (!found.includes(unit)) found.push(unit);
          i += n - 1;
          break;
        }
      }
    }
    return found;
  }
}

/**
 * A keyword's words are matched as typed, with only a plural "s" folded: stems would make "linked list" name
 * LinkedIn and "post" name "postings".
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

// A keyword or topic phrase's length is kept as a bit of a 32-bit number.
const MAX_PHRASE_WORDS = 30;

/** Notes a phrase's length in words against its first word, as a bit: lookups then try only lengths some phrase has. */
function addLength(lengths: Map<string, number>, phrase: string): void {
  const words = phrase.split(' ');
  if (words.length > MAX_PHRASE_WORDS) throw new Error(`"${phrase}" is longer than ${MAX_PHRASE_WORDS} words: keywords and topic phrases name a thing, they don't describe it`);
  lengths.set(words[0]!, (lengths.get(words[0]!) ?? 0) | (1 << words.length));
}

/** The longest length noted in a set of length bits. */
function longestOf(lengths: number): number {
  return 31 - Math.clz32(lengths);
}

/** A phrase's words as topic phrases are matched: lower case, hyphens and apostrophes as in the normalised text. */
function phraseWords(text: string): string[] {
  const words: string[] = [];
  for (const w of text.toLowerCase().replace(/-/g, ' ').split(/[^a-z0-9'&$%]+/)) {
    const word = w.startsWith("'") || w.endsWith("'") ? w.replace(/^'+|'+$/g, '') : w;
    if (word) words.push(word);
  }
  return words;
}

/** One case-insensitive pattern for a list of phrases, matched as whole words. */
function phrasePattern(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) return /(?!)/;
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/-/g, ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`);
}
