import { CONVERSATION_INTENTS, SALARY_INTENTS, type Knowledge, type Unit } from '../knowledge/knowledge.js';
import type { Action, ConversationMemory, Decision, FallbackReason, SalaryQuery, TalkIntent } from './decision.js';
import { EntityExtractor, type EntityMention } from './entities.js';
import { IntentClassifier, type IntentScore } from './intent-classifier.js';
import { normalize } from './normalize.js';
import { PhraseRetriever, type Phrasing } from './phrase-retriever.js';
import { SpellingCorrector } from './spelling.js';
import { stem, TextPipeline, type ProcessedText } from './text-pipeline.js';

/**
 * The decision policy's numbers, chosen on the project's evaluation set (npm run eval), where the
 * in-scope and out-of-scope score distributions separate; see the comment on each.
 */
export const THRESHOLDS = Object.freeze({
  /** At or above this confidence the best intent is answered outright. */
  answer: 0.42,
  /** Below this the message is out of scope: no intent is even a plausible guess. */
  clarify: 0.22,
  /** When the runner-up is this close to the best, ask "Did you mean…?" instead of guessing. */
  minGap: 0.06,
  /** Share of a message's topic words the domain must know; below it the message is about something else. */
  minCoverage: 0.5,
  /** Small talk ("hi", "thanks") is answered only when it is clearly that, not a question with a greeting in front. */
  talk: 0.5,
});

/** How much each signal counts in the combined score. */
export const WEIGHTS = Object.freeze({
  /** natural's naive Bayes posterior over stems: the main signal, sharp on words seen in training. */
  classifier: 0.55,
  /** Fuse.js token search over phrasings: rewards whole-phrase overlap and forgives residual typos. */
  retrieval: 0.45,
  /** A unit's own keyword named outright ("Pfizer", "pharmacovigilance"): points straight at that unit. */
  keyword: 0.35,
});

// Up to three choices in "Did you mean…?": Teams shows at most three suggested actions.
export const MAX_CHOICES = 3;

const TALK = new Set<string>(['greeting', 'thanks', 'bye', 'help', 'cancel', 'start_over']);
const SALARY = new Set<string>(SALARY_INTENTS);
// Words that only carry a follow-up ("what about", "and", "how about", "vs") around a place or industry.
const FOLLOW_UP_WORDS = new Set(['about', 'what', 'how', 'and', 'also', 'versus', 'or', 'compar', 'then', 'there', 'msl', 'salari', 'pai', 'which', 'where', 'higher', 'better', 'more', 'less', 'lower']);
const AFTER_WORDS = new Set(['after', 'next', 'then', 'follow', 'following', 'done', 'finished', 'finish', 'complete', 'completed']);

/** Everything the understanding derived from one message, for the decision and for tests and logs. */
export interface Analysis {
  readonly text: ProcessedText;
  readonly entities: readonly EntityMention[];
  readonly keywords: readonly string[];
  readonly ranked: readonly IntentScore[];
  readonly coverage: number;
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

  constructor(private readonly knowledge: Knowledge) {
    const plain = new TextPipeline(knowledge.synonyms);
    const vocabulary = [
      ...knowledge.guideWords,
      ...Object.values(knowledge.utterances).flat().flatMap((u) => plain.tokens(normalize(u))),
      ...[...knowledge.units.values()].flatMap((u) => [...u.keywords, u.title, u.ask]).flatMap((t) => plain.tokens(normalize(t))),
      ...entityNames(knowledge).flatMap((t) => plain.tokens(normalize(t))),
      ...Object.values(knowledge.synonyms.words),
    ];
    this.pipeline = new TextPipeline(knowledge.synonyms, new SpellingCorrector(vocabulary));
    this.extractor = new EntityExtractor(knowledge.entities, this.pipeline);

    const examples: Array<{ intent: string; stems: readonly string[]; text: string }> = [];
    const add = (intent: string, text: string): void => {
      const stems = this.pipeline.process(text).stems;
      if (stems.length) examples.push({ intent, stems, text: stems.join(' ') });
    };
    for (const [intent, list] of Object.entries(knowledge.utterances)) list.forEach((u) => add(intent, u));
    for (const unit of knowledge.units.values()) {
      if (!knowledge.utterances[unit.id]) continue;
      add(unit.id, unit.title);
      add(unit.id, unit.ask);
      unit.keywords.forEach((k) => add(unit.id, k));
    }
    this.classifier = new IntentClassifier(examples);
    this.retriever = new PhraseRetriever(examples.map((e): Phrasing => ({ intent: e.intent, text: e.text })));

    let longest = 1;
    for (const unit of knowledge.units.values()) {
      for (const k of unit.keywords) {
        const key = this.pipeline.tokens(normalize(k)).join(' ');
        if (key) this.keywordIndex.set(key, unit.id);
        longest = Math.max(longest, key.split(' ').length);
      }
    }
    this.maxKeywordWords = longest;
    this.steps = [...knowledge.units.values()].filter((u) => u.step !== undefined).sort((a, b) => a.step! - b.step!);
  }

  /** Reads one message: canonical words, entities, keywords, ranked intents and domain coverage. */
  analyse(raw: string): Analysis {
    const text = this.pipeline.process(raw);
    const entities = this.extractor.extract(text.tokens, raw);
    const keywords = this.findKeywords(text.tokens);
    const combined = new Map<string, number>();
    const bump = (intent: string, by: number): void => { combined.set(intent, (combined.get(intent) ?? 0) + by); };
    for (const c of this.classifier.classify(text.stems)) bump(c.intent, WEIGHTS.classifier * c.score);
    for (const r of this.retriever.search(text.stems)) bump(r.intent, WEIGHTS.retrieval * r.score);
    for (const k of keywords) bump(k, WEIGHTS.keyword);
    const ranked = [...combined].map(([intent, score]) => ({ intent, score: Math.min(1, score) })).sort((a, b) => b.score - a.score);

    const entityStems = new Set(entities.flatMap((e) => text.tokens.slice(e.start, e.end).map(stem)));
    const topic = text.topicStems;
    const known = topic.filter((s) => entityStems.has(s) || this.classifier.knows(s)).length;
    return { text, entities, keywords, ranked, coverage: topic.length ? known / topic.length : 1 };
  }

  /** Decides what to do with a message, given what the conversation remembers. */
  understand(raw: string, memory: ConversationMemory = {}): Decision {
    const a = this.analyse(raw);
    const candidates = a.ranked.slice(0, 5);
    const top = a.ranked[0];
    const confidence = (top?.score ?? 0) * a.coverage;
    const decide = (action: Action, c = confidence): Decision => ({ ...action, confidence: c, candidates });
    const fallback = (reason: FallbackReason): Decision => decide({ kind: 'fallback', reason });

    if (a.text.tokens.length === 0) return decide({ kind: 'talk', intent: 'help' }, 1);

    const places = a.entities.filter((e) => e.type !== 'career');
    const careers = a.entities.filter((e) => e.type === 'career');
    if (top && TALK.has(top.intent) && confidence >= THRESHOLDS.talk && a.entities.length === 0) {
      return decide({ kind: 'talk', intent: top.intent as TalkIntent });
    }

    const step = this.stepNavigation(a, memory);
    if (step) return decide({ kind: 'answer', unitId: step });

    if (top?.intent === 'more' && a.keywords.length === 0 && places.length === 0) {
      const current = memory.unitId ? this.knowledge.units.get(memory.unitId) : undefined;
      if (!current) return decide({ kind: 'talk', intent: 'help' });
      const next = current.more ?? current.children[0];
      return next ? decide({ kind: 'answer', unitId: next }) : decide({ kind: 'no_more', unitId: current.id });
    }

    if (places.length > 0 || careers.length > 0) {
      const salaryRank = a.ranked.slice(0, 3).find((c) => SALARY.has(c.intent));
      const rest = a.text.topicStems.filter((s) => !FOLLOW_UP_WORDS.has(s) && !a.entities.some((e) => a.text.tokens.slice(e.start, e.end).map(stem).includes(s)));
      const elliptical = rest.length === 0;
      if (salaryRank || elliptical || (memory.salary && rest.length <= 1 && !this.answersConfidently(a))) {
        return decide({ kind: 'salary', query: salaryQuery(salaryRank?.intent ?? 'salary', places, careers) }, Math.max(confidence, THRESHOLDS.answer));
      }
      if (careers.length > 0 && !a.text.tokens.includes('msl')) return fallback('other_career');
    }

    if (!top || confidence < THRESHOLDS.clarify || a.coverage < THRESHOLDS.minCoverage) return fallback(top ? 'low_confidence' : 'out_of_scope');

    const answerable = a.ranked.filter((c) => this.knowledge.units.has(c.intent) || SALARY.has(c.intent));
    const best = answerable[0];
    if (!best) return fallback('low_confidence');
    const second = answerable[1];
    const gap = best.score - (second?.score ?? 0);
    if (a.keywords.includes(best.intent) && best.score * a.coverage >= THRESHOLDS.clarify) return this.toDecision(best.intent, decide, places);
    if (best.score * a.coverage < THRESHOLDS.answer || gap < THRESHOLDS.minGap) {
      const choices = answerable.filter((c) => c.score >= best.score - THRESHOLDS.minGap * 2).slice(0, MAX_CHOICES).map((c) => c.intent);
      if (choices.length > 1) return decide({ kind: 'clarify', choices });
      if (best.score * a.coverage < THRESHOLDS.answer) return decide({ kind: 'clarify', choices: [best.intent] });
    }
    return this.toDecision(best.intent, decide, places);
  }

  private toDecision(intent: string, decide: (action: Action) => Decision, places: readonly EntityMention[]): Decision {
    if (SALARY.has(intent)) return decide({ kind: 'salary', query: salaryQuery(intent, places, []) });
    return decide({ kind: 'answer', unitId: intent });
  }

  private answersConfidently(a: Analysis): boolean {
    const top = a.ranked[0];
    return !!top && !SALARY.has(top.intent) && top.score * a.coverage >= THRESHOLDS.answer;
  }

  /** "What's the next step?", "what comes after the bachelor's degree?": moves through the six steps. */
  private stepNavigation(a: Analysis, memory: ConversationMemory): string | undefined {
    const top = a.ranked[0];
    const named = a.keywords.map((k) => this.knowledge.units.get(k)).find((u) => u?.step !== undefined);
    const asksAfter = a.text.tokens.some((t) => AFTER_WORDS.has(t));
    if (top?.intent !== 'next_step' && !(named && asksAfter && a.text.tokens.includes('after'))) return undefined;
    const from = named?.step ?? memory.step ?? (memory.unitId === 'become' ? 0 : undefined);
    if (from === undefined) return 'become';
    const next = this.steps.find((s) => s.step === from + 1);
    return next?.id ?? this.steps[this.steps.length - 1]?.id;
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

function salaryQuery(intent: string, places: readonly EntityMention[], careers: readonly EntityMention[]): SalaryQuery {
  return {
    intent: intent === 'salary_industries' || intent === 'salary_states' ? intent : 'salary',
    states: places.filter((p) => p.type === 'state').map((p) => p.id),
    industries: places.filter((p) => p.type === 'industry').map((p) => p.id),
    careers: careers.map((c) => c.name),
  };
}

function entityNames(k: Knowledge): string[] {
  const e = k.entities;
  return [...e.states.flatMap((s) => [s.name, ...s.aliases]), ...e.industries.flatMap((i) => [i.name, ...i.aliases]), ...e.careers.flatMap((c) => c.aliases)];
}

export { CONVERSATION_INTENTS };
