import { expect } from 'chai';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { say as wording } from '../../src/answer/words.js';
import type { TurnEntry, TurnLog } from '../../src/turn-log.js';
import { fixtureAdvisor, fixturePack } from '../support/knowledge.js';
import { RecordingBrain } from '../support/recording-brain.js';

const pack = fixturePack();
const record = (id: string) => pack.salary!.states!.records.find((r) => r.entityId === id)!;
const BECOME = 'how do I become a clinical research associate?';

/** MainDialog over the real CareerAdvisor on the fixture pack, as Web Chat would talk to it. */
function chat(channelId = 'webchat') {
  const brain = new RecordingBrain(fixtureAdvisor());
  const entries: Array<{ entry: Omit<TurnEntry, 'text'>; text: string }> = [];
  const turnLog: TurnLog = { turn: (entry, text) => entries.push({ entry, text }) };
  const state = new ConversationState(new MemoryStorage());
  const client = new DialogTestClient(channelId, new MainDialog(brain, state.createProperty<unknown>('ConversationMemory'), turnLog), undefined, [], state);
  /** Sends one message and returns the one activity MainDialog answers with. */
  const say = async (text: string): Promise<Partial<Activity>> => {
    const reply = (await client.sendActivity(text)) as Partial<Activity> | undefined;
    expect(reply, `a reply to "${text}"`).to.not.equal(undefined);
    expect(client.getNextReply(), `only one reply to "${text}"`).to.equal(undefined);
    return reply!;
  };
  return { say, brain, entries };
}

const cardText = (a: Partial<Activity>): string => JSON.stringify(a.attachments?.[0]?.content ?? {});
const firstFact = (a: Partial<Activity>): { title: string; value: string } => {
  const body = (a.attachments?.[0]?.content as { body: Array<{ type: string; facts?: Array<{ title: string; value: string }> }> }).body;
  return body.find((e) => e.type === 'FactSet')!.facts![0]!;
};

interface Step {
  readonly say: string;
  readonly check: (reply: Partial<Activity>) => void;
}
const conversations: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'greets, offering the starter questions as buttons',
    steps: [{
      say: 'hi',
      check: (r) => {
        expect(r.text).to.equal(wording(pack, 'greeting'));
        expect(r.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(pack.starters.map((s) => s.ask));
      },
    }],
  },
  {
    name: 'follows a salary question with "and Texas?", highlighting Texas in one card',
    steps: [
      { say: 'how much do CRAs make in Washington?', check: (r) => expect(firstFact(r)).to.deep.equal({ title: '**Washington**', value: `**${record('WA').display}**` }) },
      { say: 'and Texas?', check: (r) => expect(firstFact(r)).to.deep.equal({ title: '**Texas**', value: `**${record('TX').display}**` }) },
    ],
  },
  {
    name: 'says plainly that the guide has no figure for a state it does not list',
    steps: [{ say: 'how much do CRAs make in California?', check: (r) => expect(cardText(r)).to.include('The guide has no salary figure for California.') }],
  },
  {
    name: 'walks through the steps and back',
    steps: [
      { say: BECOME, check: (r) => expect(r.text).to.match(/^\*\*How to become a clinical research associate\*\*/).and.match(/\n\n- Step 1: /) },
      { say: 'next step', check: (r) => expect(r.text).to.match(/^\*\*Step 1: /) },
      { say: 'next step', check: (r) => expect(r.text).to.match(/^\*\*Step 2: /) },
      { say: 'previous step', check: (r) => expect(r.text).to.match(/^\*\*Step 1: /) },
    ],
  },
  {
    name: 'answers cancel with the cancel wording',
    steps: [
      { say: 'how much do CRAs make in Washington?', check: (r) => expect(cardText(r)).to.include(record('WA').display) },
      { say: 'cancel', check: (r) => expect(r.text).to.equal(wording(pack, 'cancel')) },
    ],
  },
  {
    name: 'turns down the weather with the off-topic wording and the starters',
    steps: [{ say: "what's the weather today?", check: (r) => expect(r.text).to.equal(wording(pack, 'offTopic')) }],
  },
];

describe('MainDialog over the real advisor on the fixture pack', () => {
  for (const { name, steps } of conversations) {
    it(name, async () => {
      const { say } = chat();
      for (const step of steps) step.check(await say(step.say));
    });
  }

  it('reads each message with the memory the turn before left', async () => {
    const { say, brain } = chat();
    await say('how much do CRAs make in Washington?');
    await say('and Texas?');
    expect(brain.reads.map((r) => r.memory.salary?.states)).to.deep.equal([undefined, ['WA']]);
  });

  it('clears the memory on cancel, so the next message starts afresh', async () => {
    const { say, brain } = chat();
    await say(BECOME);
    await say('next step');
    await say('cancel');
    await say('next step');
    expect(brain.reads[2]!.memory).to.not.deep.equal({});
    expect(brain.reads[3]!.memory).to.deep.equal({});
  });

  it('keeps the memory through a help interruption', async () => {
    const { say, brain } = chat();
    await say(BECOME);
    await say('help');
    expect((await say('next step')).text).to.match(/^\*\*Step 1: /);
    expect(brain.reads[2]!.memory.step).to.equal(0);
  });

  it('renders for the channel the message came on: plain text where Markdown is not rendered', async () => {
    const { say } = chat('slack');
    const reply = await say(BECOME);
    expect(reply.textFormat).to.equal('plain');
    expect(reply.text).to.include('\n\n• Step 1: ').and.not.include('**');
  });

  it('logs every turn: the career, the rule, the action, the units, the outcome and how long it took', async () => {
    const { say, entries } = chat();
    await say('how much do CRAs make in Washington?');
    await say("what's the weather today?");
    await say('can a CRA get a visa sponsorship?');
    expect(entries.map(({ entry }) => [entry.career, entry.action, entry.outcome])).to.deep.equal([
      ['cra', 'salary', 'salary'], ['cra', 'off_topic', 'off_topic'], ['cra', 'gap', 'gap'],
    ]);
    expect(entries[0]!.entry).to.deep.include({ rule: 'pay in a place', units: ['salary_state_wa', 'salary_states'], topics: [] });
    expect(entries[2]!.entry.topics).to.deep.equal(['visa']);
    for (const { entry, text } of entries) {
      expect(entry.latencyMs).to.be.a('number').and.at.least(0);
      expect(entry.confidence).to.be.within(0, 1);
      expect(entry.conversationId).to.be.a('string').and.not.equal('');
      expect(entry.channelId).to.equal('webchat');
      expect(entry, 'the text goes to the log apart, for it to decide').to.not.have.property('text');
      expect(text).to.be.a('string').and.not.equal('');
    }
  });
});
