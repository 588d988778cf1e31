import type { Decision } from '../../src/policy/action.js';
import { decide } from '../../src/policy/decide.js';
import type { ConversationMemory } from '../../src/policy/memory.js';
import { fixtureAdvisor, fixturePack } from './knowledge.js';

/** The policy's decision on one message to the fixture pack, read by the real Reader. */
export function decideOn(text: string, memory: ConversationMemory = {}): Decision {
  return decide(fixturePack(), fixtureAdvisor().read(text, memory).reading, memory);
}

/** Decides each message in turn, each with the memory the one before left; returns every decision. */
export function converse(...texts: string[]): Decision[] {
  const decisions: Decision[] = [];
  let memory: ConversationMemory = {};
  for (const text of texts) {
    const decision = decideOn(text, memory);
    decisions.push(decision);
    memory = decision.memory;
  }
  return decisions;
}

/** The last decision of a conversation. */
export function lastOf(...texts: string[]): Decision {
  return converse(...texts).at(-1)!;
}

/** A short, readable form of an action: "answer:duties", "salary:TX+WA", "talk:help", "gap:topic>duties". */
export function summary(d: Decision): string {
  const a = d.action;
  switch (a.kind) {
    case 'answer': return `answer:${a.unitIds.join('+')}${a.gap ? `/gap:${a.gap.kind}` : ''}`;
    case 'salary': {
      const named = [...a.query.states, ...a.query.industries, ...a.query.places, ...a.query.careers];
      return `salary:${named.length ? named.join('+') : a.query.intent}${a.gap ? `/gap:${a.gap.kind}` : ''}${a.yearly ? '/yearly' : ''}`;
    }
    case 'gap': return `gap:${a.gap.kind}${a.nearest ? `>${a.nearest}` : ''}`;
    case 'both': return `both:${summary({ ...d, action: a.first })}&${summary({ ...d, action: a.second })}`;
    case 'clarify': return `clarify:${a.choices.join('|')}`;
    case 'talk': return `talk:${a.intent}`;
    case 'no_more': return `no_more:${a.unitId}${a.end ? `:${a.end}` : ''}`;
    case 'other_career': return `other_career:${a.career}`;
    case 'off_topic': return `off_topic:${a.reason}`;
    default: return a.kind;
  }
}
