import type { Knowledge } from '../knowledge/knowledge.js';
import type { ConversationMemory, Decision } from '../nlu/decision.js';
import { composeSalary } from './compose-salary.js';
import { composeUnit } from './compose-unit.js';
import { MAX_SUGGESTIONS, type Reply } from './reply.js';

/** Turns a decision into a reply. Everything said comes from the guide or from replies.json. */
export function compose(k: Knowledge, decision: Decision, memory: ConversationMemory): Reply {
  const r = k.replies;
  const starters = r.starters.slice(0, MAX_SUGGESTIONS);
  switch (decision.kind) {
    case 'answer': {
      const unit = k.units.get(decision.unitId);
      if (!unit) throw new Error(`decision names unknown unit ${decision.unitId}`);
      return composeUnit(k, unit);
    }
    case 'salary':
      return composeSalary(k, decision.query, memory);
    case 'talk': {
      const text = { greeting: r.greeting, thanks: r.thanks, acknowledge: r.acknowledge, bye: r.bye, help: r.help, cancel: r.cancel, start_over: r.startOver }[decision.intent];
      const forget = decision.intent === 'cancel' || decision.intent === 'start_over';
      return { text, suggestions: decision.intent === 'bye' ? [] : starters, outcome: 'talk', unitIds: [], memory: forget ? {} : memory };
    }
    case 'clarify': {
      const asks = decision.choices.map((id) => askOf(k, id)).filter((a): a is string => !!a).slice(0, MAX_SUGGESTIONS);
      const text = `${r.clarify}\n\n${asks.map((a) => `• ${a}`).join('\n')}`;
      return { text, suggestions: asks, outcome: 'clarify', unitIds: [], memory };
    }
    case 'no_more': {
      const unit = k.units.get(decision.unitId);
      const asks = (unit?.related ?? []).map((id) => k.units.get(id)?.ask).filter((a): a is string => !!a);
      const text = unit?.step !== undefined ? r.nextStepDone : r.noMore;
      return { text, suggestions: (asks.length ? asks : starters).slice(0, MAX_SUGGESTIONS), outcome: 'no_more', unitIds: [], memory };
    }
    case 'fallback':
      return { text: r.fallback, suggestions: starters, outcome: 'fallback', unitIds: [], memory };
  }
}

/** The question a "Did you mean…?" button sends for an intent. */
function askOf(k: Knowledge, intent: string): string | undefined {
  if (intent === 'salary') return k.salary.overview.ask;
  if (intent === 'salary_industries') return k.replies.askTopIndustry;
  if (intent === 'salary_states') return k.replies.askTopState;
  return k.units.get(intent)?.ask;
}
