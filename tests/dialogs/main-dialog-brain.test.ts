import { expect } from 'chai';
import { ConversationState, MemoryStorage, type Activity, type StatePropertyAccessor } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/main-dialog.js';
import type { Reply } from '../../src/answer/reply.js';
import type { Brain, Read } from '../../src/career-advisor.js';
import { renderReply } from '../../src/channels/render.js';
import type { Decision } from '../../src/policy/action.js';
import type { ConversationMemory } from '../../src/policy/memory.js';
import type { TurnEntry } from '../../src/turn-log.js';
import { fixtureAdvisor, fixturePack } from '../support/knowledge.js';

/** A Brain that ignores what it is told and answers from a script: one decision and one reply per turn. */
class ScriptedBrain implements Brain {
  readonly calls: Array<{ step: 'read' | 'decide' | 'compose'; text?: string; memory?: ConversationMemory }> = [];
  private turn = -1;

  constructor(private readonly script: ReadonlyArray<{ decision: Partial<Decision>; reply: Partial<Reply> }>) {}

  read(text: string, memory: ConversationMemory): Read {
    this.turn++;
    this.calls.push({ step: 'read', text, memory });
    // What the message says doesn't matter here; MainDialog only logs the topics a reading names.
    return { pack: fixturePack(), reading: fixtureAdvisor().read('hello', {}).reading };
  }

  decide(_read: Read, memory: ConversationMemory): Decision {
    this.calls.push({ step: 'decide', memory });
    return { action: { kind: 'talk', intent: 'help' }, rule: 'scripted', confidence: 0.5, candidates: [], memory: {}, ...this.step().decision };
  }

  compose(): Reply {
    this.calls.push({ step: 'compose' });
    return { blocks: [{ kind: 'paragraph', text: `reply ${this.turn + 1}` }], suggestions: [], outcome: 'talk', unitIds: [], feedback: false, ...this.step().reply };
  }

  welcome(): Reply {
    throw new Error('MainDialog never welcomes');
  }

  private step() {
    return this.script[this.turn] ?? { decision: {}, reply: {} };
  }
}

/** A property accessor over one variable, recording how MainDialog uses it. */
class MemoryCell implements StatePropertyAccessor<unknown> {
  readonly writes: unknown[] = [];
  deletes = 0;
  constructor(public value: unknown = undefined) {}
  async get(): Promise<unknown> { return this.value; }
  async set(_context: unknown, value: unknown): Promise<void> { this.value = value; this.writes.push(value); }
  async delete(): Promise<void> { this.value = undefined; this.deletes++; }
}

function dialogWith(brain: Brain, cell = new MemoryCell(), channelId = 'webchat') {
  const entries: Array<Omit<TurnEntry, 'text'>> = [];
  const dialog = new MainDialog(brain, cell, { turn: (entry) => entries.push(entry) });
  const client = new DialogTestClient(channelId, dialog, undefined, [], new ConversationState(new MemoryStorage()));
  const say = async (text: string): Promise<Partial<Activity>[]> => {
    const replies: Partial<Activity>[] = [await client.sendActivity(text)];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    return replies.filter(Boolean);
  };
  return { say, cell, entries };
}

describe('MainDialog with a scripted Brain', () => {
  it('reads, decides and composes once per message, in that order, and sends one activity', async () => {
    const brain = new ScriptedBrain([]);
    const { say } = dialogWith(brain);
    expect(await say('anything')).to.have.length(1);
    expect(brain.calls.map((c) => c.step)).to.deep.equal(['read', 'decide', 'compose']);
    expect(brain.calls[0]!.text).to.equal('anything');
  });

  it('sends the composed reply as renderReply renders it for the channel', async () => {
    const reply: Reply = { blocks: [{ kind: 'paragraph', text: 'Hello **there**' }], suggestions: [{ label: 'More', ask: 'Tell me more' }], outcome: 'talk', unitIds: [], feedback: false };
    for (const channel of ['webchat', 'msteams', 'slack']) {
      const { say } = dialogWith(new ScriptedBrain([{ decision: {}, reply }]), new MemoryCell(), channel);
      const [sent] = await say('hi');
      const expected = renderReply(reply, channel);
      expect(sent, channel).to.deep.include({ text: expected.text, textFormat: expected.textFormat, suggestedActions: expected.suggestedActions });
    }
  });

  it('saves the decision\'s memory and reads the next message with it', async () => {
    const memory: ConversationMemory = { unitId: 'duties_and_responsibilities', seen: ['duties_and_responsibilities'] };
    const brain = new ScriptedBrain([{ decision: { memory }, reply: {} }, { decision: { memory }, reply: {} }]);
    const { say, cell } = dialogWith(brain);
    await say('one');
    await say('two');
    expect(cell.writes).to.deep.equal([memory, memory]);
    expect(brain.calls.filter((c) => c.step === 'read').map((c) => c.memory)).to.deep.equal([{}, memory]);
  });

  it('deletes the memory when the decision leaves it empty, as cancel does', async () => {
    const { say, cell } = dialogWith(new ScriptedBrain([{ decision: { memory: {} }, reply: {} }]), new MemoryCell({ step: 2 }));
    await say('cancel');
    expect(cell.deletes).to.equal(1);
    expect(cell.value).to.equal(undefined);
  });

  it('reads a stored memory that does not check out as empty, never trusting it', async () => {
    const brain = new ScriptedBrain([]);
    const { say } = dialogWith(brain, new MemoryCell({ step: -5, seen: 'everything' }));
    await say('hi');
    expect(brain.calls[0]!.memory).to.deep.equal({});
  });

  it('passes an empty message on as an empty string', async () => {
    const brain = new ScriptedBrain([]);
    const { say } = dialogWith(brain);
    await say('');
    expect(brain.calls[0]!.text).to.equal('');
  });

  it('logs the choices a "Did you mean…?" offered, and the one a "yes" then took', async () => {
    const offered = ['field_monitoring', 'site_management'];
    const brain = new ScriptedBrain([
      { decision: { action: { kind: 'clarify', choices: offered }, rule: 'did you mean', memory: { offered } }, reply: { outcome: 'clarify' } },
      { decision: { action: { kind: 'answer', unitIds: ['field_monitoring'] }, rule: 'yes or no to a choice', memory: { unitId: 'field_monitoring' } }, reply: { outcome: 'answer', unitIds: ['field_monitoring'] } },
    ]);
    const { say, entries } = dialogWith(brain);
    await say('monitoring');
    await say('yes');
    expect(entries[0]).to.deep.include({ action: 'clarify', offered, outcome: 'clarify' });
    expect(entries[0]).to.not.have.property('took');
    expect(entries[1]).to.deep.include({ action: 'answer', took: 'field_monitoring', units: ['field_monitoring'] });
    expect(entries[1]).to.not.have.property('offered');
  });

  it('logs a choice taken by pressing its button, as the question it asks', async () => {
    const offered = ['field_monitoring', 'site_management'];
    const brain = new ScriptedBrain([
      { decision: { action: { kind: 'clarify', choices: offered }, memory: { offered } }, reply: { outcome: 'clarify' } },
      { decision: { action: { kind: 'answer', unitIds: ['site_management'] }, rule: 'answer' }, reply: { outcome: 'answer', unitIds: ['site_management'] } },
    ]);
    const { say, entries } = dialogWith(brain);
    await say('monitoring');
    await say('Site management');
    expect(entries[1]).to.deep.include({ took: 'site_management' });
  });
});
