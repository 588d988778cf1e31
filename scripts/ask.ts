// npm run ask -- "question" ["follow-up" …]: how the bot reads each message, what the policy decides, and the reply.
import { CareerAdvisor } from '../src/career-advisor.js';
import { toPlainText } from '../src/channels/plain-text.js';
import type { ConversationMemory } from '../src/policy/memory.js';
import type { Analysis } from '../src/understanding/reading.js';
import { commandConfig, commandKnowledge } from './command-config.js';

const messages = process.argv.slice(2);
if (messages.length === 0) {
  console.error('Usage: npm run ask -- "How much do MSLs earn in California?" ["and New York?" …]');
  process.exit(2);
}
const config = commandConfig();
const advisor = new CareerAdvisor(commandKnowledge(config), { advisor: config.advisor });
const score = (n: number): string => n.toFixed(2);

let memory: ConversationMemory = {};
for (const text of messages) {
  const turn = advisor.respond(text, memory);
  const { reading, decision, reply } = turn;
  console.log(`\n> ${text}`);
  console.log(`pack: ${turn.pack.id}   kind: ${reading.kind}${reading.greeting ? '   (greeting stripped)' : ''}`);
  show('question', reading.focus);
  reading.parts.forEach((p, i) => show(`part ${i + 1}`, p));
  console.log(`decision: ${decision.action.kind} by rule "${decision.rule}" (confidence ${score(decision.confidence)})`);
  console.log(`  ${JSON.stringify(decision.action)}`);
  console.log(`memory: ${JSON.stringify(decision.memory)}`);
  console.log(`reply (${reply.outcome}${reply.unitIds.length ? `: ${reply.unitIds.join(', ')}` : ''}):`);
  console.log(toPlainText(reply.blocks).replace(/^/gm, '  | '));
  if (reply.suggestions.length) console.log(`  buttons: ${reply.suggestions.map((s) => `[${s.label}]`).join(' ')}`);
  memory = decision.memory;
}

function show(name: string, a: Analysis): void {
  const s = a.signals;
  const flags = Object.entries(s).filter(([k, v]) => v === true && k !== 'topics').map(([k]) => k);
  console.log(`${name}: "${a.text}"`);
  console.log(`  words: ${a.tokens.join(' ')}   coverage ${score(a.coverage)}${a.unknown.length ? `   unknown: ${a.unknown.join(', ')}` : ''}`);
  if (a.entities.length) console.log(`  entities: ${a.entities.map((e) => `${e.type}:${e.name}${e.inGuide ? '' : ' (not in guide)'}`).join(', ')}`);
  if (flags.length || s.topics.length) console.log(`  asks: ${[...flags, ...s.topics.map((t) => `topic "${t.label}"`)].join(', ')}`);
  if (a.keywords.length) console.log(`  keywords: ${a.keywords.join(', ')}`);
  console.log(`  candidates: ${a.ranked.slice(0, 5).map((c) => `${c.intent} ${score(c.score)}`).join(', ')}`);
  console.log(`  passages:   ${a.passages.slice(0, 3).map((c) => `${c.intent} ${score(c.score)}`).join(', ')}`);
}
