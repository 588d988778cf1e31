import { CONVERSATION_INTENTS, type ConversationIntent } from './knowledge.js';
import { KnowledgeError } from './knowledge-error.js';
import { PackFiles } from './pack-files.js';
import { CommonEntitiesFile, PhrasingsFile, RepliesFile, SynonymsFile, TopicsFile } from './schema.js';
import { templateProblems, TEMPLATES } from './templates.js';

export const COMMON_FILES = {
  conversation: 'conversation.json',
  entities: 'entities.json',
  synonyms: 'synonyms.json',
  replies: 'replies.json',
  topics: 'topics.json',
} as const;

/** What every guide pack shares: how conversations are steered, places and jobs, plain-English synonyms, the bot's wording. */
export interface CommonKnowledge {
  readonly conversation: Readonly<Record<ConversationIntent, readonly string[]>>;
  readonly entities: CommonEntitiesFile;
  readonly synonyms: SynonymsFile;
  readonly templates: Readonly<Record<string, string>>;
  readonly topics: TopicsFile;
  readonly fingerprint: string;
}

/** Loads knowledge/common/, checking every file; throws one KnowledgeError listing every problem. */
export function loadCommonKnowledge(dir: string): CommonKnowledge {
  const files = new PackFiles(dir);
  const conversation = files.json(COMMON_FILES.conversation, PhrasingsFile);
  const entities = files.json(COMMON_FILES.entities, CommonEntitiesFile);
  const synonyms = files.json(COMMON_FILES.synonyms, SynonymsFile);
  const replies = files.json(COMMON_FILES.replies, RepliesFile);
  const topics = files.json(COMMON_FILES.topics, TopicsFile);
  if (conversation) {
    for (const intent of CONVERSATION_INTENTS) if (!conversation.intents[intent]) files.issue(COMMON_FILES.conversation, 'intents', `needs phrasings for "${intent}"`);
    for (const intent of Object.keys(conversation.intents)) {
      if (!(CONVERSATION_INTENTS as readonly string[]).includes(intent)) files.issue(COMMON_FILES.conversation, `intents.${intent}`, `is not a conversation move (known: ${CONVERSATION_INTENTS.join(', ')})`);
    }
  }
  if (replies) {
    for (const [name, template] of Object.entries(replies.templates)) {
      for (const problem of templateProblems(name, template)) files.issue(COMMON_FILES.replies, name, problem);
    }
    for (const name of Object.keys(TEMPLATES)) if (!(name in replies.templates)) files.issue(COMMON_FILES.replies, name, 'is missing: every reply needs a wording here');
  }
  if (files.issues.length > 0 || !conversation || !entities || !synonyms || !replies || !topics) throw new KnowledgeError(files.issues);
  return {
    conversation: conversation.intents as Record<ConversationIntent, string[]>,
    entities, synonyms, templates: replies.templates, topics, fingerprint: files.digest(),
  };
}
