import { expect } from 'chai';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { Writable } from 'node:stream';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { createLogger } from '../../src/logger.js';
import type { ConversationMemory } from '../../src/nlu/decision.js';
import { loggerTurnLog } from '../../src/turn-log.js';
import { realAdvisor } from '../support/knowledge.js';

/** Runs a few turns through MainDialog with a real logger writing into memory, and returns the parsed log lines. */
async function logLines(logUserText: boolean, messages: string[]): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  const logger = createLogger({ level: 'info', destination: sink });
  const state = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(realAdvisor(), realAdvisor(), state.createProperty<ConversationMemory>('ConversationMemory'), loggerTurnLog(logger, logUserText));
  const client = new DialogTestClient('test', dialog, undefined, [], state);
  for (const m of messages) await client.sendActivity(m);
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the turn log', () => {
  it('records intent, confidence, outcome and latency for every turn', async () => {
    const lines = await logLines(false, ['how much do MSLs earn in California', "what's the weather", 'help']);
    const turns = lines.map((l) => l.turn as Record<string, unknown>);
    expect(turns.map((t) => [t.intent, t.outcome])).to.deep.equal([['salary', 'salary'], ['fallback', 'fallback'], ['help', 'talk']]);
    for (const t of turns) {
      expect(t.confidence).to.be.a('number');
      expect(t.latencyMs).to.be.a('number').and.to.be.at.least(0);
      expect(t.conversationId).to.be.a('string').and.not.equal('');
    }
  });

  it('leaves the user’s words out by default', async () => {
    const lines = await logLines(false, ['my secret question about MSL pay in Ohio']);
    expect(JSON.stringify(lines)).not.to.include('secret question');
  });

  it('includes the user’s words when LOG_USER_TEXT is switched on', async () => {
    const lines = await logLines(true, ['my secret question about MSL pay in Ohio']);
    expect((lines[0]?.turn as Record<string, unknown>).text).to.equal('my secret question about MSL pay in Ohio');
  });

  it('never writes a password or token into a line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    createLogger({ level: 'info', destination: sink }).info({ MicrosoftAppPassword: 'hunter2', req: { headers: { authorization: 'Bearer abc.def' } } }, 'config');
    expect(lines.join('')).not.to.include('hunter2').and.not.to.include('abc.def');
  });
});
