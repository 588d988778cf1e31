import { compose } from './answer/compose.js';
import type { Reply } from './answer/reply.js';
import type { Knowledge } from './knowledge/knowledge.js';
import type { ConversationMemory, Decision } from './nlu/decision.js';
import type { Understanding } from './nlu/understand.js';
import { createUnderstanding } from './nlu/understanding-snapshot.js';

/** Understands a message and composes the reply: the whole brain, as pure functions over the knowledge. */
export interface Recognizer {
  understand(text: string, memory: ConversationMemory): Decision;
}

export interface Turn {
  readonly decision: Decision;
  readonly reply: Reply;
}

export class CareerAdvisor implements Recognizer {
  private readonly understanding: Understanding;

  constructor(readonly knowledge: Knowledge, understanding?: Understanding) {
    this.understanding = understanding ?? createUnderstanding(knowledge);
  }

  understand(text: string, memory: ConversationMemory = {}): Decision {
    return this.understanding.understand(text, memory);
  }

  compose(decision: Decision, memory: ConversationMemory = {}): Reply {
    return compose(this.knowledge, decision, memory);
  }

  /** One turn: understand, then answer. */
  respond(text: string, memory: ConversationMemory = {}): Turn {
    const decision = this.understand(text, memory);
    return { decision, reply: this.compose(decision, memory) };
  }
}
