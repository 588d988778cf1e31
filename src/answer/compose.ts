import { SALARY_INTENTS, type Pack } from '../knowledge/knowledge.js';
import type { Action, Decision } from '../policy/action.js';
import { composeSalary } from './compose-salary.js';
import { followUps, unitBlocks } from './compose-unit.js';
import { gapSentence } from './gap-sentence.js';
import { MAX_REPLY_CHARS, MAX_SUGGESTIONS, plainText, type Block, type Reply, type Suggestion } from './reply.js';
import { joinNames, say } from './words.js';

/** Where people can reach a person (ADVISOR_URL, ADVISOR_EMAIL), when the deployment has one. */
export interface Advisor {
  readonly url?: string | undefined;
  readonly email?: string | undefined;
}

export interface ComposeOptions {
  readonly advisor?: Advisor | undefined;
  /** Every career the bot serves, when it serves several: "another career" replies name them all. */
  readonly careers?: readonly string[] | undefined;
}

/** Misses in a row after which the bot offers a person, when there is one to offer. */
export const MISSES_BEFORE_HANDOFF = 2;

/**
 * Turns a decision into a reply. Everything said is guide text or one of the pack's reply templates; nothing is
 * made up. Pure: the pack and the decision in, a Reply out.
 */
export function compose(pack: Pack, decision: Decision, options: ComposeOptions = {}): Reply {
  const shown = decision.memory.seen ?? [];
  const reply = composeAction(pack, decision.action, shown, options);
  if ((decision.memory.misses ?? 0) >= MISSES_BEFORE_HANDOFF && decision.action.kind !== 'handoff') {
    const handoff = advisorSuggestion(pack, options.advisor);
    if (handoff) return { ...reply, suggestions: [...reply.suggestions.slice(0, MAX_SUGGESTIONS - 1), handoff] };
  }
  return reply;
}

function composeAction(pack: Pack, action: Action, shown: readonly string[], options: ComposeOptions): Reply {
  switch (action.kind) {
    case 'answer': {
      const units = action.unitIds.map((id) => pack.units.get(id)!);
      const lead: Block[] = action.gap ? [{ kind: 'paragraph', text: gapSentence(pack, action.gap) }] : [];
      const blocks = [...lead, ...units.flatMap((u) => unitBlocks(pack, u, { parts: units.length === 1 }))];
      const last = units[units.length - 1]!;
      return { blocks, suggestions: followUps(pack, last, shown), outcome: action.gap ? 'partial' : 'answer', unitIds: action.unitIds, feedback: true };
    }
    case 'salary':
      return composeSalary(pack, action);
    case 'both':
      return both(pack, action.first, action.second, shown, options);
    case 'gap': {
      const nearest = action.nearest ? pack.units.get(action.nearest) : undefined;
      const blocks: Block[] = [{ kind: 'paragraph', text: gapSentence(pack, action.gap, !!nearest) }];
      if (nearest) blocks.push(...unitBlocks(pack, nearest, { parts: false }));
      return {
        blocks, suggestions: nearest ? followUps(pack, nearest, shown) : starters(pack),
        outcome: 'gap', unitIds: nearest ? [nearest.id] : [], feedback: true,
      };
    }
    case 'clarify': {
      const asks = action.choices.map((id) => ask(pack, id)).filter((s): s is Suggestion => !!s).slice(0, MAX_SUGGESTIONS);
      const blocks: Block[] = asks.length === 1
        ? [{ kind: 'paragraph', text: say(pack, 'clarifyOne', { choice: asks[0]!.ask }) }]
        : [{ kind: 'paragraph', text: say(pack, 'clarifyMany') }, { kind: 'list', items: asks.map((a) => ({ text: a.ask })) }];
      return { blocks, suggestions: asks, outcome: 'clarify', unitIds: [], feedback: false };
    }
    case 'talk': {
      const name = ({ greeting: 'greeting', thanks: 'thanks', acknowledge: 'acknowledge', bye: 'bye', help: 'help', cancel: 'cancel', start_over: 'startOver' } as const)[action.intent];
      return talk(say(pack, name), action.intent === 'bye' ? [] : starters(pack), 'talk');
    }
    case 'declined':
      return talk(say(pack, 'clarifyDeclined'), starters(pack), 'talk');
    case 'no_more': {
      const unit = pack.units.get(action.unitId);
      const text = action.end === 'last' ? say(pack, 'walkthroughDone') : action.end === 'first' ? say(pack, 'walkthroughStart') : say(pack, 'noMore');
      const more = unit ? followUps(pack, unit, [...shown, ...(unit.parent ? [unit.parent] : [])]) : [];
      return talk(text, more.length ? more : starters(pack), 'no_more');
    }
    case 'language':
      return talk(say(pack, 'language'), [], 'language');
    case 'handoff': {
      const handoff = advisorSuggestion(pack, options.advisor);
      return handoff ? talk(say(pack, 'handoff'), [handoff], 'handoff') : talk(say(pack, 'handoffNone'), starters(pack), 'handoff');
    }
    case 'other_career': {
      const known = options.careers && options.careers.length > 1 ? joinNames(options.careers, 'and') : undefined;
      const text = known ? say(pack, 'otherCareerMany', { career_asked: action.career, careers_list: known }) : say(pack, 'otherCareer', { career_asked: action.career });
      return talk(text, starters(pack), 'off_topic');
    }
    case 'off_topic':
      return talk(say(pack, 'offTopic'), starters(pack), 'off_topic');
  }
}

/**
 * Two answers for a message that asked two things, each without its list of parts; when together they would
 * flood the screen, the first is given and the second offered as a button.
 */
function both(pack: Pack, first: Action, second: Action, shown: readonly string[], options: ComposeOptions): Reply {
  const a = composeAction(pack, first, shown, options);
  const b = composeAction(pack, second, shown, options);
  const together = [...a.blocks, ...b.blocks];
  const unitIds = [...a.unitIds, ...b.unitIds];
  // The first part's kind, unless a later part only half answers: then the whole reply does.
  const outcome = a.outcome === 'answer' && (b.outcome === 'partial' || b.outcome === 'gap') ? 'partial' : a.outcome;
  if (plainText({ blocks: together }).length <= MAX_REPLY_CHARS) {
    return { blocks: together, suggestions: dedupe([...b.suggestions, ...a.suggestions]).slice(0, MAX_SUGGESTIONS), outcome, unitIds, feedback: true };
  }
  const offer = secondAsk(pack, second);
  return { ...a, suggestions: dedupe([...(offer ? [offer] : []), ...a.suggestions]).slice(0, MAX_SUGGESTIONS) };
}

/** The button that asks a second part's question. */
function secondAsk(pack: Pack, action: Action): Suggestion | undefined {
  if (action.kind === 'answer') return ask(pack, action.unitIds[0]!);
  if (action.kind === 'gap' && action.nearest) return ask(pack, action.nearest);
  if (action.kind === 'salary') return ask(pack, 'salary');
  return undefined;
}

function talk(text: string, suggestions: readonly Suggestion[], outcome: Reply['outcome']): Reply {
  return { blocks: [{ kind: 'paragraph', text }], suggestions: suggestions.slice(0, MAX_SUGGESTIONS), outcome, unitIds: [], feedback: false };
}

/** The pack's starter questions, for welcome, help and every reply that starts afresh. */
export function starters(pack: Pack): Suggestion[] {
  return pack.starters.slice(0, MAX_SUGGESTIONS).map((s) => ({ label: s.label, ask: s.ask }));
}

/**
 * The greeting for someone who joins: a Reply, rendered like every other answer. A bot with several careers names
 * them all and offers each one's first starter question.
 */
export function welcome(packs: readonly Pack[]): Reply {
  const first = packs[0]!;
  if (packs.length === 1) return talk(say(first, 'welcome'), starters(first), 'talk');
  const text = say(first, 'welcomeMany', { careers_list: joinNames(packs.map((p) => p.career.name), 'and') });
  return talk(text, packs.slice(0, MAX_SUGGESTIONS).map((p) => starters(p)[0]!), 'talk');
}

/** The button for a unit or salary intent, as "Did you mean…?" choices and follow-ups offer it. */
function ask(pack: Pack, intent: string): Suggestion | undefined {
  if ((SALARY_INTENTS as readonly string[]).includes(intent)) {
    if (intent === 'salary_industries') return { label: say(pack, 'labelTopIndustry'), ask: say(pack, 'askTopIndustry') };
    if (intent === 'salary_states') return { label: say(pack, 'labelTopState'), ask: say(pack, 'askTopState') };
    const o = pack.salary?.overview;
    return o ? { label: o.label, ask: o.ask } : undefined;
  }
  const unit = pack.units.get(intent);
  return unit ? { label: unit.label, ask: unit.ask } : undefined;
}

/** A link to the deployment's advisor: their page, or an e-mail to them. */
function advisorSuggestion(pack: Pack, advisor: Advisor | undefined): Suggestion | undefined {
  const url = advisor?.url ?? (advisor?.email ? `mailto:${advisor.email}` : undefined);
  return url ? { label: say(pack, 'labelHandoff'), ask: say(pack, 'labelHandoff'), url } : undefined;
}

function dedupe(list: readonly Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of list) if (!out.some((o) => o.ask === s.ask)) out.push(s);
  return out;
}
