import type { Pack } from '../knowledge/knowledge.js';
import { trainBayes, type BayesModel } from './bayes-model.js';
import { EntityExtractor, type EntityMention } from './entities.js';
import { wordnetSynonyms, type WordSet } from './english-lexicon.js';
import { normalize } from './normalize.js';
import type { Passage } from './passage-index.js';
import { SpellingCorrector } from './spelling.js';
import { featureStems, stem, TextPipeline, type ProcessedText } from './text-pipeline.js';

/** The one token every US state becomes among the classifier's features. */
const STATE_PLACEHOLDER = '_state';

/**
 * How much each part of a unit counts in passage retrieval. The heading and the question a unit answers say what
 * it is about in a few words; keywords are curated pointers; the guide's own text is long, so each of its words
 * says less; the titles of a unit's parts tell what the whole covers ("Top skills" lists "Adaptability").
 */
export const PASSAGE_FIELD_WEIGHTS = Object.freeze({ title: 3, ask: 2, keywords: 2, text: 1, parts: 1 });

/** What a pack trains: the spelling vocabulary, the examples and the classifier they train, the passages, and WordNet's synonyms. */
export interface Training {
  readonly vocabulary: readonly string[];
  readonly examples: ReadonlyArray<{ readonly intent: string; readonly stems: readonly string[] }>;
  readonly bayes: BayesModel;
  readonly passages: readonly Passage[];
  /** Stem of a word the pack never uses → stems of the pack's words it is a WordNet synonym of. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
}

/**
 * Everything a pack trains. The classifier learns from the curated phrasings and the conversation moves, and from
 * every unit's title, question and keywords, so a pack with no phrasings still has an example per unit.
 */
export function prepareTraining(pack: Pack, english: WordSet): Training {
  const plain = new TextPipeline(pack.synonyms);
  const curatedText = [
    ...Object.values(pack.phrasings).flat(),
    ...Object.values(pack.conversation).flat(),
    ...[...pack.units.values()].flatMap((u) => [...u.keywords, u.title, u.ask]),
    ...entityNames(pack),
  ];
  const vocabulary = [
    ...pack.guideWords,
    ...curatedText.flatMap((t) => plain.tokens(normalize(t), false)),
    ...Object.values(pack.synonyms.words),
  ];
  const { pipeline, extractor } = buildPipeline(pack, english, vocabulary);
  const examples: Array<{ intent: string; stems: readonly string[] }> = [];
  const add = (intent: string, text: string): void => {
    // Curated text is spelt right: no spelling correction, which would only cost time.
    const processed = pipeline.process(text, false);
    const stems = featuresOf(processed, extractor.extract(processed.tokens, text));
    if (stems.length) examples.push({ intent, stems });
  };
  for (const [intent, list] of Object.entries(pack.phrasings)) list.forEach((u) => add(intent, u));
  for (const [intent, list] of Object.entries(pack.conversation)) list.forEach((u) => add(intent, u));
  for (const unit of pack.units.values()) {
    // Salary questions are the "salary" intent's when the pack has phrasings for it; the overview unit would only
    // compete with it from two examples, which naive Bayes favours on long messages.
    if (unit.id === pack.salary?.overview.id && pack.phrasings.salary) continue;
    add(unit.id, unit.title);
    add(unit.id, unit.ask);
    unit.keywords.forEach((k) => add(unit.id, k));
  }

  const stemsOf = (text: string): string[] => featureStems(pipeline.tokens(normalize(text), false));
  const passages: Passage[] = [...pack.units.values()].map((u) => ({
    id: u.id,
    fields: [
      { stems: stemsOf(u.title), weight: PASSAGE_FIELD_WEIGHTS.title },
      { stems: stemsOf(u.ask), weight: PASSAGE_FIELD_WEIGHTS.ask },
      { stems: u.keywords.flatMap(stemsOf), weight: PASSAGE_FIELD_WEIGHTS.keywords },
      { stems: u.excerpt.flatMap((p) => (p.kind === 'paragraph' ? [p.text] : p.items)).flatMap(stemsOf), weight: PASSAGE_FIELD_WEIGHTS.text },
      { stems: u.children.flatMap((c) => stemsOf(pack.units.get(c)?.title ?? '')), weight: PASSAGE_FIELD_WEIGHTS.parts },
    ],
  }));

  const known = new Set(passages.flatMap((p) => p.fields.flatMap((f) => f.stems)));
  const synonyms = new Map<string, string[]>();
  const knownWords = [...new Set(vocabulary)].filter((w) => /^[a-z]+$/.test(w) && known.has(stem(w)));
  for (const [lemma, words] of wordnetSynonyms(knownWords)) {
    const s = stem(lemma);
    if (known.has(s)) continue;
    synonyms.set(s, [...new Set([...(synonyms.get(s) ?? []), ...words.map(stem)])]);
  }
  return { vocabulary, examples, bayes: trainBayes(examples), passages, synonyms };
}

export function buildPipeline(pack: Pack, english: WordSet, vocabulary: readonly string[]) {
  const placeWords = new Set(pack.entities.states.flatMap((st) => [st.name, ...st.aliases]).flatMap((n) => n.toLowerCase().split(/\s+/)));
  const speller = new SpellingCorrector(vocabulary, english, placeWords);
  const pipeline = new TextPipeline(pack.synonyms, speller);
  const extractor = new EntityExtractor(pack.entities, pipeline, (w) => speller.has(w) || english.has(w));
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

function entityNames(p: Pack): string[] {
  const e = p.entities;
  return [
    ...e.states.flatMap((s) => [s.name, ...s.aliases]), ...e.industries.flatMap((i) => [i.name, ...i.aliases]),
    ...e.careers.flatMap((c) => c.aliases), ...e.places.flatMap((c) => c.aliases),
  ];
}
