import { SALARY_INTENTS, type Knowledge, type Unit } from '../knowledge/knowledge.js';
import type { Action, ConversationMemory, Decision, SalaryQuery, TalkIntent } from './decision.js';
import { EXACT_SIMILARITY, MAX_CHOICES, THRESHOLDS, WEIGHTS } from './decision-policy.js';
import type { EntityExtractor, EntityMention } from './entities.js';
import { isEnglish, loadEnglishLexicon, loadEnglishNouns } from './english-lexicon.js';
import { IntentClassifier, type IntentScore } from './intent-classifier.js';
import { PhraseRetriever, type Phrasing } from './phrase-retriever.js';
import { stem, type ProcessedText, type TextPipeline } from './text-pipeline.js';
import { buildPipeline, featuresOf, prepareTraining, type Training } from './training.js';

const TALK = new Set<string>(['greeting', 'thanks', 'acknowledge', 'bye', 'help', 'cancel', 'start_over']);
const SALARY = new Set<string>(SALARY_INTENTS);
// Stems that only carry a salary follow-up around a place or industry ("California vs New York?").
const FOLLOW_UP_STEMS = new Set(['versu', 'compar', 'salari', 'pai', 'higher', 'better', 'less', 'lower', 'more', 'tell']);
// Words that ask to set a new place against the one before, not to replace it.
const COMPARE_WORDS = new Set(['compare', 'compared', 'comparing', 'comparison', 'versus', 'against', 'than']);
// Stems that make a message a pay question whatever else it names ("what's the salary of a nurse").
const PAY_STEMS = new Set(['salari', 'pai']);
// Markup in a message is never a question about the guide, and must never be echoed back.
const MARKUP = /<\/?[a-z][^>]*>|<script|javascript:/i;
const AFTER_WORDS = new Set(['after', 'next', 'then', 'follow', 'following', 'done', 'finished', 'finish', 'complete', 'completed']);

/** Everything the understanding derived from one message, for the decision and for tests and logs. */
export interface Analysis {
  readonly text: ProcessedText;
  readonly entities: readonly EntityMention[];
  readonly keywords: readonly string[];
  readonly ranked: readonly IntentScore[];
  readonly coverage: number;
  /** Stems of the words that name a place, industry or career. */
  readonly entityStems: ReadonlySet<string>;
}

/** Understands messages about the MSL career: pure functions over the knowledge, no Bot Framework. */
export class Understanding {
  private readonly pipeline: TextPipeline;
  private readonly classifier: IntentClassifier;
  private readonly retriever: PhraseRetriever;
  private readonly extractor: EntityExtractor;
  private readonly keywordIndex = new Map<string, string>();
  private readonly maxKeywordWords: number;
  private readonly steps: readonly Unit[];

  /**
   * @param training What the knowledge trains: prepareTraining(knowledge, english), or the same read back from the
   *   snapshot npm run build writes (see understanding-snapshot.ts), which spares start-up most of the work.
   */
  constructor(
    private readonly knowledge: Knowledge,
    private readonly english: ReadonlySet<string> = loadEnglishLexicon(),
    training: Training = prepareTraining(knowledge, english),
    private nouns?: ReadonlySet<string>,
  ) {
    const { pipeline, extractor } = buildPipeline(knowledge, english, training.vocabulary);
    this.pipeline = pipeline;
    this.extractor = extractor;
    this.classifier = new IntentClassifier(training.examples);
    this.retriever = new PhraseRetriever(training.examples.map((e): Phrasing => ({ intent: e.intent, stems: e.stems })));

    let longest = 1;
    for (const unit of knowledge.units.values()) {
      for (const k of unit.keywords) {
        const key = this.pipeline.canonical(k).map(stem).join(' ');
        if (key) this.keywordIndex.set(key, unit.id);
        longest = Math.max(longest, key.split(' ').length);
      }
    }
    this.maxKeywordWords = longest;
    this.steps = [...knowledge.units.values()].filter((u) => u.step !== undefined).sort((a, b) => a.step! - b.step!);
  }

  /** Reads one message: canonical words, entities, keywords, ranked intents and domain coverage. */
  analyse(raw: string, memory: ConversationMemory = {}): Analysis {
    const text = this.pipeline.process(raw);
    const entities = this.extractor.extract(text.tokens, raw);
    const keywords = this.findKeywords(text.tokens.map(stem));
    const combined = new Map<string, number>();
    const bump = (intent: string, by: number): void => { combined.set(intent, (combined.get(intent) ?? 0) + by); };
    const features = featuresOf(text, entities);
    for (const c of this.classifier.classify(features)) bump(c.intent, WEIGHTS.classifier * c.score);
    for (const r of this.retriever.search(features)) bump(r.intent, WEIGHTS.retrieval * r.score + (r.score >= EXACT_SIMILARITY ? WEIGHTS.exact : 0));
    for (const k of keywords) bump(k, WEIGHTS.keyword);
    if (text.topicStems.some((s) => PAY_STEMS.has(s))) bump('salary', WEIGHTS.keyword);
    for (const id of this.neighbours(memory.unitId)) if (combined.has(id)) bump(id, WEIGHTS.context);
    const ranked = [...combined].map(([intent, score]) => ({ intent, score: Math.min(1, score) })).sort((a, b) => b.score - a.score);

    const entityStems = new Set(entities.flatMap((e) => text.tokens.slice(e.start, e.end).map(stem)));
    // Coverage: of the words that could name a topic, the share the domain knows. English words that are never
    // nouns ("honestly", "terrible", "succeeding") are left out: they colour a question but name no topic.
    let judged = 0;
    let known = 0;
    text.topicWords.forEach((word, i) => {
      const s = text.topicStems[i]!;
      const isKnown = entityStems.has(s) || this.classifier.knows(s);
      if (!isKnown && isEnglish(this.english, word) && !isEnglish(this.englishNouns(), word)) return;
      judged++;
      if (isKnown) known++;
    });
    return { text, entities, keywords, ranked, coverage: judged ? known / judged : 1, entityStems };
  }

  /** Decides what to do with a message, given what the conversation remembers. */
  understand(raw: string, memory: ConversationMemory = {}): Decision {
    if (MARKUP.test(raw)) return { kind: 'fallback', reason: 'markup', confidence: 1, candidates: [] };
    const a = this.analyse(raw, memory);
    const candidates = a.ranked.slice(0, 5);
    const decide = (action: Action, confidence: number): Decision => ({ ...action, confidence, candidates });
    if (a.text.tokens.length === 0) return decide({ kind: 'talk', intent: 'help' }, 1);

    const top = a.ranked[0];
    const topConfidence = (top?.score ?? 0) * a.coverage;
    if (top && TALK.has(top.intent) && a.entities.length === 0 && a.coverage === 1 && topConfidence >= THRESHOLDS.talk) {
      return decide({ kind: 'talk', intent: top.intent as TalkIntent }, topConfidence);
    }

    const step = a.entities.length === 0 && topConfidence >= THRESHOLDS.clarify ? this.stepNavigation(a, memory) : undefined;
    if (step) return decide(step, Math.max(topConfidence, THRESHOLDS.answer));

    const answerable = a.ranked.filter((c) => this.knowledge.units.has(c.intent) || SALARY.has(c.intent));
    const best = answerable[0];
    const places = a.entities.filter((e) => e.type !== 'career');
    const careers: EntityMention[] = a.entities.filter((e) => e.type === 'career');
    const rest = a.text.topicStems.filter((s) => !a.entityStems.has(s) && !FOLLOW_UP_STEMS.has(s));

    if (top?.intent === 'more' && rest.length === 0 && places.length === 0) {
      const current = memory.unitId ? this.knowledge.units.get(memory.unitId) : undefined;
      if (!current) return decide({ kind: 'talk', intent: 'help' }, topConfidence);
      const next = current.more ?? current.children[0] ?? this.nextSibling(current);
      return decide(next ? { kind: 'answer', unitId: next } : { kind: 'no_more', unitId: current.id }, topConfidence);
    }

    const offGuideCareers = careers.filter((c) => !c.inGuide);
    const tokens = a.text.tokens;
    const howMuch = tokens.some((t, i) => t === 'how' && tokens[i + 1] === 'much');
    // "What does a product manager make?": "make" with a job or place named asks about pay.
    const whatTheyMake = tokens.some((t) => t === 'make' || t === 'makes') && a.entities.length > 0;
    const asksPay = a.text.topicStems.some((s) => PAY_STEMS.has(s)) || howMuch || whatTheyMake || (!!best && SALARY.has(best.intent));
    const title = asksPay && careers.length === 0 ? this.extractor.jobTitle(tokens, a.entities) : undefined;
    if (title) careers.push(title);
    if (careers.length > 0 && asksPay) {
      return decide({ kind: 'salary', query: salaryQuery('salary', places, careers) }, Math.max(topConfidence, THRESHOLDS.answer));
    }
    if (places.length > 0) {
      // Every other topic word must be one the domain knows: "weather in California" is not a pay question.
      const salaryFirst = !!best && asksPay && rest.every((s) => this.classifier.knows(s));
      // A bare place continues a salary conversation ("and New York?"); a bare state is a pay question
      // anyway, since pay is all the guide says about single states. A bare industry may be a type of MSL.
      const elliptical = rest.length === 0 && (!!memory.salary || places.every((p) => p.type === 'state'));
      if (salaryFirst || elliptical) {
        const intent = best && SALARY.has(best.intent) ? best.intent : 'salary';
        const query = salaryQuery(intent, places, []);
        return decide({ kind: 'salary', query: this.comparesWithLast(a, query, memory) }, Math.max(topConfidence, THRESHOLDS.answer));
      }
    }
    if (offGuideCareers.length > 0 && !a.text.tokens.includes('msl')) return decide({ kind: 'fallback', reason: 'other_career' }, topConfidence);

    const earlier = places.length === 0 && careers.length === 0 ? this.compareEarlier(a, memory) : undefined;
    if (earlier) return decide({ kind: 'salary', query: earlier }, Math.max(topConfidence, THRESHOLDS.answer));

    if (!best) return decide({ kind: 'fallback', reason: 'out_of_scope' }, 0);
    const confidence = best.score * a.coverage;
    if (confidence < THRESHOLDS.clarify || a.coverage < THRESHOLDS.minCoverage) return decide({ kind: 'fallback', reason: 'low_confidence' }, confidence);
    const second = answerable[1];
    const close = second && best.score - second.score < THRESHOLDS.minGap && !related(this.knowledge, best.intent, second.intent);
    if (confidence < THRESHOLDS.answer || close) {
      const choices = answerable.filter((c) => c.score >= best.score - THRESHOLDS.minGap).slice(0, MAX_CHOICES).map((c) => c.intent);
      return decide({ kind: 'clarify', choices: choices.length ? choices : [best.intent] }, confidence);
    }
    return decide(SALARY.has(best.intent) ? { kind: 'salary', query: salaryQuery(best.intent, places, []) } : { kind: 'answer', unitId: best.intent }, confidence);
  }

  /**
   * "Compare them" or "which is higher?" after two salary answers: the last two places, or the last two industries,
   * asked about. Only when the message names nothing else.
   */
  private compareEarlier(a: Analysis, memory: ConversationMemory): SalaryQuery | undefined {
    const recent = memory.salary?.recent ?? [];
    const asksToCompare = a.text.tokens.some((t) => COMPARE_WORDS.has(t) || t === 'them' || t === 'both' || t === 'higher');
    const rest = a.text.topicStems.filter((s) => !FOLLOW_UP_STEMS.has(s) && !['them', 'both', 'two', 'on', 'better'].includes(s));
    if (!asksToCompare || rest.length > 0 || recent.length < 2) return undefined;
    const last = recent[recent.length - 1]!;
    const kind = last.split(':')[0];
    const pair = recent.filter((p) => p.split(':')[0] === kind).slice(-2).map((p) => p.split(':')[1]!);
    if (pair.length < 2) return undefined;
    return { intent: 'salary', states: kind === 'state' ? pair : [], industries: kind === 'industry' ? pair : [], careers: [] };
  }

  /** WordNet's nouns, read the first time a message has a word the domain does not know: most messages never do. */
  private englishNouns(): ReadonlySet<string> {
    return (this.nouns ??= loadEnglishNouns());
  }

  /** "Compare that with California" after a New York answer: the new place joins the one before. */
  private comparesWithLast(a: Analysis, query: SalaryQuery, memory: ConversationMemory): SalaryQuery {
    const last = memory.salary;
    if (!last || !a.text.tokens.some((t) => COMPARE_WORDS.has(t))) return query;
    if (query.states.length === 1 && query.industries.length === 0 && last.states.length > 0) {
      return { ...query, states: [...last.states.filter((s) => !query.states.includes(s)), ...query.states] };
    }
    if (query.industries.length === 1 && query.states.length === 0 && last.industries.length > 0) {
      return { ...query, industries: [...last.industries.filter((s) => !query.industries.includes(s)), ...query.industries] };
    }
    return query;
  }

  /** The last answer's parts, parent and siblings: where "tell me more about X" most likely points. */
  private neighbours(unitId: string | undefined): string[] {
    const unit = unitId ? this.knowledge.units.get(unitId) : undefined;
    if (!unit) return [];
    const parent = unit.parent ? this.knowledge.units.get(unit.parent) : undefined;
    return [...unit.children, ...(parent ? [parent.id, ...parent.children] : [])].filter((id) => id !== unit.id);
  }

  /** "What's the next step?", "what comes after the bachelor's degree?": moves through the six steps. */
  private stepNavigation(a: Analysis, memory: ConversationMemory): Action | undefined {
    const top = a.ranked[0];
    const named = a.keywords.map((k) => this.knowledge.units.get(k)).find((u) => u?.step !== undefined);
    const asksAfter = a.text.tokens.some((t) => AFTER_WORDS.has(t));
    if (top?.intent !== 'next_step' && !(named && asksAfter && a.text.tokens.includes('after'))) return undefined;
    // "Is pharmacovigilance a possible next step?" names its own topic: it is not about the six steps.
    if (a.keywords.some((k) => this.knowledge.units.get(k)?.step === undefined)) return undefined;
    const from = named?.step ?? memory.step ?? (memory.unitId === 'become' ? 0 : undefined);
    if (from === undefined) return { kind: 'answer', unitId: 'become' };
    const next = this.steps.find((s) => s.step === from + 1);
    const last = this.steps[this.steps.length - 1];
    if (next) return { kind: 'answer', unitId: next.id };
    return last ? { kind: 'no_more', unitId: last.id } : undefined;
  }

  /** The unit after this one among its parent's parts: "tell me more" walks on through a list. */
  private nextSibling(unit: Unit): string | undefined {
    const siblings = unit.parent ? this.knowledge.units.get(unit.parent)?.children ?? [] : [];
    const at = siblings.indexOf(unit.id);
    return at >= 0 ? siblings[at + 1] : undefined;
  }

  private findKeywords(tokens: readonly string[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(this.maxKeywordWords, tokens.length - i); n >= 1; n--) {
        const unit = this.keywordIndex.get(tokens.slice(i, i + n).join(' '));
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

/** Two candidates that are parts of one topic are both fair answers: no need to ask which. */
function related(k: Knowledge, a: string, b: string): boolean {
  const ua = k.units.get(a);
  const ub = k.units.get(b);
  if (!ua || !ub) return SALARY.has(a) && SALARY.has(b);
  return ua.parent === ub.id || ub.parent === ua.id || ua.related.includes(b) || ub.related.includes(a) || ua.more === b || ub.more === a;
}

function salaryQuery(intent: string, places: readonly EntityMention[], careers: readonly EntityMention[]): SalaryQuery {
  const typed = Object.fromEntries(places.filter((p) => p.type === 'state' && p.surface.length === 2).map((p) => [p.id, p.surface.toUpperCase()]));
  return {
    ...(Object.keys(typed).length ? { typed } : {}),
    intent: intent === 'salary_industries' || intent === 'salary_states' ? intent : 'salary',
    states: places.filter((p) => p.type === 'state').map((p) => p.id),
    industries: places.filter((p) => p.type === 'industry').map((p) => p.id),
    careers: careers.map((c) => c.name),
  };
}


