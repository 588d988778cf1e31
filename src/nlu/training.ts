import type { Knowledge } from '../knowledge/knowledge.js';
import { EntityExtractor, type EntityMention } from './entities.js';
import { normalize } from './normalize.js';
import { SpellingCorrector } from './spelling.js';
import { featureStems, TextPipeline, type ProcessedText } from './text-pipeline.js';

/** The one token every US state becomes among the classifier's features. */
const STATE_PLACEHOLDER = '_state';

/** The words spelling correction may correct towards, and the training examples, both derived from the knowledge. */
export interface Training {
  readonly vocabulary: readonly string[];
  readonly examples: ReadonlyArray<{ readonly intent: string; readonly stems: readonly string[] }>;
}

/** Everything the knowledge trains: the spelling vocabulary, and each utterance, title, question and keyword as features. */
export function prepareTraining(knowledge: Knowledge, english: ReadonlySet<string>): Training {
  const plain = new TextPipeline(knowledge.synonyms);
  const vocabulary = [
    ...knowledge.guideWords,
    ...Object.values(knowledge.utterances).flat().flatMap((u) => plain.tokens(normalize(u), false)),
    ...[...knowledge.units.values()].flatMap((u) => [...u.keywords, u.title, u.ask]).flatMap((t) => plain.tokens(normalize(t), false)),
    ...entityNames(knowledge).flatMap((t) => plain.tokens(normalize(t), false)),
    ...Object.values(knowledge.synonyms.words),
  ];
  const { pipeline, extractor } = buildPipeline(knowledge, english, vocabulary);
  const examples: Array<{ intent: string; stems: readonly string[] }> = [];
  const add = (intent: string, text: string): void => {
    // Curated text is spelt right: no spelling correction, which would only cost time.
    const processed = pipeline.process(text, false);
    const stems = featuresOf(processed, extractor.extract(processed.tokens, text));
    if (stems.length) examples.push({ intent, stems });
  };
  for (const [intent, list] of Object.entries(knowledge.utterances)) list.forEach((u) => add(intent, u));
  for (const unit of knowledge.units.values()) {
    if (!knowledge.utterances[unit.id]) continue;
    add(unit.id, unit.title);
    add(unit.id, unit.ask);
    unit.keywords.forEach((k) => add(unit.id, k));
  }
  return { vocabulary, examples };
}

export function buildPipeline(knowledge: Knowledge, english: ReadonlySet<string>, vocabulary: readonly string[]) {
  const placeWords = new Set(knowledge.entities.states.flatMap((st) => [st.name, ...st.aliases]).flatMap((n) => n.toLowerCase().split(/\s+/)));
  const speller = new SpellingCorrector(vocabulary, english, placeWords);
  const pipeline = new TextPipeline(knowledge.synonyms, speller);
  const extractor = new EntityExtractor(knowledge.entities, pipeline, (w) => speller.has(w) || english.has(w));
  return { speller, pipeline, extractor };
}

/**
 * Classifier features: stems, with every US state replaced by one placeholder, so that "MSL jobs in PA" learns
 * from "MSL jobs in Pennsylvania" and a salary question about any state looks alike.
 */
export function featuresOf(text: ProcessedText, entities: readonly EntityMention[]): string[] {
  const states = entities.filter((e) => e.type === 'state');
  if (states.length === 0) return [...text.stems];
  const tokens = text.tokens.flatMap((t, i) => {
    const at = states.find((e) => i >= e.start && i < e.end);
    if (!at) return [t];
    return i === at.start ? [STATE_PLACEHOLDER] : [];
  });
  return featureStems(tokens);
}


function entityNames(k: Knowledge): string[] {
  const e = k.entities;
  return [...e.states.flatMap((s) => [s.name, ...s.aliases]), ...e.industries.flatMap((i) => [i.name, ...i.aliases]), ...e.careers.flatMap((c) => c.aliases)];
}
