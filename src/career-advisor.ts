import { compose, welcome, type ComposeOptions } from './answer/compose.js';
import type { Reply } from './answer/reply.js';
import type { Pack } from './knowledge/knowledge.js';
import type { Knowledge } from './knowledge/load-knowledge.js';
import type { Decision } from './policy/action.js';
import { decide } from './policy/decide.js';
import { THRESHOLDS, type Thresholds } from './policy/thresholds.js';
import type { ConversationMemory } from './policy/memory.js';
import type { Reader } from './understanding/reader.js';
import type { Reading } from './understanding/reading.js';
import { createReader } from './understanding/understanding-snapshot.js';

/** How a message read, against which pack. */
export interface Read {
  readonly pack: Pack;
  readonly reading: Reading;
}

/** One turn, start to end: how the message read, what the policy decided, and the reply. */
export interface Turn extends Read {
  readonly decision: Decision;
  readonly reply: Reply;
}

/** The three pure steps of a turn, as MainDialog runs them; CareerAdvisor is the real one, tests may fake it. */
export interface Brain {
  read(text: string, memory: ConversationMemory): Read;
  decide(read: Read, memory: ConversationMemory): Decision;
  compose(read: Read, decision: Decision): Reply;
  welcome(): Reply;
}

/**
 * The whole brain over every loaded guide pack: understanding, policy and composition, as pure functions with no
 * Bot Framework. A message goes to the pack whose career it names, else the conversation's current career, else
 * the first pack.
 */
export class CareerAdvisor implements Brain {
  private readonly readers: ReadonlyMap<string, Reader>;

  private readonly options: ComposeOptions;

  constructor(readonly knowledge: Knowledge, options: ComposeOptions = {}, readers?: ReadonlyMap<string, Reader>, private readonly thresholds: Thresholds = THRESHOLDS) {
    this.readers = readers ?? new Map(knowledge.packs.map((p) => [p.id, createReader(p)]));
    this.options = { ...options, careers: knowledge.packs.map((p) => p.career.plural) };
  }

  read(text: string, memory: ConversationMemory = {}): Read {
    const pack = this.packFor(text, memory);
    return { pack, reading: this.readers.get(pack.id)!.read(text) };
  }

  decide({ pack, reading }: Read, memory: ConversationMemory = {}): Decision {
    const decision = decide(pack, reading, memory.career === pack.id || memory.career === undefined ? memory : {}, this.thresholds);
    return this.knowledge.packs.length > 1 ? { ...decision, memory: { ...decision.memory, career: pack.id } } : decision;
  }

  compose({ pack }: Read, decision: Decision): Reply {
    return compose(pack, decision, this.options);
  }

  welcome(): Reply {
    return welcome(this.knowledge.packs);
  }

  /** One turn: read, decide, compose. */
  respond(text: string, memory: ConversationMemory = {}): Turn {
    const read = this.read(text, memory);
    const decision = this.decide(read, memory);
    return { ...read, decision, reply: this.compose(read, decision) };
  }

  /** The pack a message is about: the career it names, else the conversation's, else the first. */
  private packFor(text: string, memory: ConversationMemory): Pack {
    const packs = this.knowledge.packs;
    if (packs.length === 1) return packs[0]!;
    const lower = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
    const named = packs.find((p) => [p.career.short.toLowerCase(), p.career.shortPlural.toLowerCase(), ...p.career.aliases].some((n) => lower.includes(` ${n.replace(/[^a-z0-9]+/g, ' ')} `)));
    return named ?? packs.find((p) => p.id === memory.career) ?? packs[0]!;
  }
}
