import type { Reply } from '../../src/answer/reply.js';
import type { Brain, Read } from '../../src/career-advisor.js';
import type { Decision } from '../../src/policy/action.js';
import type { ConversationMemory } from '../../src/policy/memory.js';

/** A Brain that passes every call to another and records what each message was read with. */
export class RecordingBrain implements Brain {
  /** The text and the memory of each read, in order. */
  readonly reads: Array<{ text: string; memory: ConversationMemory }> = [];
  readonly decisions: Decision[] = [];

  constructor(private readonly inner: Brain) {}

  read(text: string, memory: ConversationMemory): Read {
    this.reads.push({ text, memory });
    return this.inner.read(text, memory);
  }

  decide(read: Read, memory: ConversationMemory): Decision {
    const decision = this.inner.decide(read, memory);
    this.decisions.push(decision);
    return decision;
  }

  compose(read: Read, decision: Decision): Reply {
    return this.inner.compose(read, decision);
  }

  welcome(): Reply {
    return this.inner.welcome();
  }

  /** The texts read, in order. */
  get heard(): string[] {
    return this.reads.map((r) => r.text);
  }
}
