import { expect } from 'chai';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { ANSWER_DIALOG } from '../../dialogs/answer-dialog.js';
import { BECOME_DIALOG } from '../../dialogs/become-dialog.js';
import type { DecisionOptions } from '../../dialogs/compose-reply-dialog.js';
import { childDialogFor, MainDialog } from '../../dialogs/main-dialog.js';
import { SALARY_DIALOG, SalaryDialog } from '../../dialogs/salary-dialog.js';
import type { Recognizer } from '../../src/career-advisor.js';
import type { Action, ConversationMemory, Decision } from '../../src/nlu/decision.js';
import { realAdvisor, realKnowledge } from '../support/knowledge.js';

/** Wraps a recognizer and records what each turn was understood with, so tests can see the memory that was saved. */
class RecordingRecognizer implements Recognizer {
  readonly calls: Array<{ text: string; memory: ConversationMemory }> = [];
  constructor(private readonly inner: Recognizer) {}
  understand(text: string, memory: ConversationMemory): Decision {
    this.calls.push({ text, memory });
    return this.inner.understand(text, memory);
  }
}

/** A recognizer that ignores the text and always decides the same thing. */
const fixed = (action: Action): Recognizer => ({ understand: () => ({ ...action, confidence: 1, candidates: [] }) });

function chat(recognizer: Recognizer = realAdvisor()) {
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(recognizer, realAdvisor(), conversationState.createProperty<ConversationMemory>('ConversationMemory'));
  const client = new DialogTestClient('test', dialog, undefined, [], conversationState);
  const began: string[] = [];
  for (const id of [SALARY_DIALOG, BECOME_DIALOG, ANSWER_DIALOG]) {
    const child = dialog.findDialog(id)!;
    const begin = child.beginDialog.bind(child);
    child.beginDialog = (dc: DialogContext, options?: object) => {
      began.push(id);
      return begin(dc, options);
    };
  }
  /** Sends one message and returns the one reply MainDialog sends for it. */
  const say = async (text: string): Promise<Partial<Activity>> => {
    const reply = (await client.sendActivity(text)) as Partial<Activity> | undefined;
    expect(reply, `a reply to "${text}"`).to.not.equal(undefined);
    expect(client.getNextReply(), `only one reply to "${text}"`).to.equal(undefined);
    return reply!;
  };
  return { say, began };
}

const replies = () => realKnowledge().replies;
const textOf = (a: Partial<Activity>): string => a.text ?? '';
const firstSentence = (s: string): string => s.slice(0, s.indexOf('.') + 1 || s.length);

interface Step {
  readonly say: string;
  readonly check: (text: string) => void;
}
const contains = (...options: string[]) => (text: string) => {
  expect(options.some((o) => text.includes(o)), `"${text.slice(0, 200)}" should contain ${options.map((o) => JSON.stringify(o)).join(' or ')}`).to.equal(true);
};

const conversations: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'follows a salary question from California to New York and then to hospitals',
    steps: [
      { say: 'how much do MSLs earn in California', check: contains('$164,660') },
      { say: 'what about New York?', check: contains('$157,290') },
      { say: 'and hospitals?', check: contains('$158,470') },
    ],
  },
  {
    name: 'says the guide has no figure for Texas before showing any figure',
    steps: [{
      say: 'MSL salary in Texas',
      check: (text) => {
        const sentence = firstSentence(text);
        expect(sentence).to.include('Texas').and.to.match(/\bno\b/i);
        expect(sentence).to.not.include('$');
      },
    }],
  },
  {
    name: 'answers whether a PhD is needed from the postgraduate step',
    steps: [{ say: 'do I need a PhD', check: contains('master’s or doctorate', 'PharmD') }],
  },
  {
    name: 'walks from how to become one to the step after the bachelor’s degree',
    steps: [
      { say: 'how do I become one', check: contains('Step 1') },
      { say: "what comes after the bachelor's degree?", check: contains('Step 2') },
    ],
  },
  {
    name: 'turns down the weather with the fallback reply',
    steps: [{ say: "what's the weather", check: (text) => expect(text).to.include(replies().fallback) }],
  },
  {
    name: 'answers help with the help reply',
    steps: [{ say: 'help', check: (text) => expect(text).to.include(replies().help) }],
  },
  {
    name: 'answers cancel with the cancel reply and still answers a follow-up afterwards',
    steps: [
      { say: 'how much do MSLs earn in California', check: contains('$164,660') },
      { say: 'cancel', check: (text) => expect(text).to.include(replies().cancel) },
      { say: 'what about New York?', check: contains('$157,290') },
    ],
  },
];

describe('MainDialog over the real advisor', () => {
  for (const { name, steps } of conversations) {
    it(name, async () => {
      const { say } = chat();
      for (const step of steps) step.check(textOf(await say(step.say)));
    });
  }

  it('understands each message with the memory the previous reply left', async () => {
    const recognizer = new RecordingRecognizer(realAdvisor());
    const { say } = chat(recognizer);
    await say('how much do MSLs earn in California');
    await say('what about New York?');
    expect(recognizer.calls[0]!.memory).to.deep.equal({});
    expect(recognizer.calls[1]!.memory).to.deep.equal({ salary: { states: ['CA'], industries: [], recent: ['state:CA'] } });
  });

  it('forgets the conversation on cancel, so the next question starts from empty memory', async () => {
    const recognizer = new RecordingRecognizer(realAdvisor());
    const { say } = chat(recognizer);
    await say('how much do MSLs earn in California');
    await say('cancel');
    await say('what about New York?');
    expect(recognizer.calls[1]!.memory).to.not.deep.equal({});
    expect(recognizer.calls[2]!.memory).to.deep.equal({});
  });

  it('forgets the conversation on start over', async () => {
    const recognizer = new RecordingRecognizer(realAdvisor());
    const { say } = chat(recognizer);
    await say('how do I become one');
    expect(textOf(await say('start over'))).to.include(replies().startOver);
    await say('hello');
    expect(recognizer.calls[2]!.memory).to.deep.equal({});
  });

  it('keeps the memory through a help interruption', async () => {
    const recognizer = new RecordingRecognizer(realAdvisor());
    const { say } = chat(recognizer);
    await say('how much do MSLs earn in California');
    await say('help');
    await say('what about New York?');
    expect(recognizer.calls[2]!.memory).to.deep.equal({ salary: { states: ['CA'], industries: [], recent: ['state:CA'] } });
  });

  it('sends the salary figures as a card as well as in the text', async () => {
    const { say } = chat();
    const reply = await say('how much do MSLs earn in California');
    expect(reply.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(reply.attachments?.[0]?.content)).to.include('$164,660');
  });
});

describe('MainDialog routing, with a fake recognizer in place of the NLU', () => {
  const salaryNewYork: Action = { kind: 'salary', query: { intent: 'salary', states: ['NY'], industries: [], careers: [] } };

  it('sends a salary decision to SalaryDialog whatever the text was', async () => {
    const { say, began } = chat(fixed(salaryNewYork));
    const reply = await say('bananas');
    expect(began).to.deep.equal([SALARY_DIALOG]);
    expect(textOf(reply)).to.include('$157,290');
  });

  it('sends the how-to-become overview and its steps to BecomeDialog', async () => {
    for (const unitId of ['become', 'step_apply']) {
      const { say, began } = chat(fixed({ kind: 'answer', unitId }));
      const reply = await say('bananas');
      expect(began).to.deep.equal([BECOME_DIALOG]);
      expect(textOf(reply)).to.equal(realAdvisor().compose({ kind: 'answer', unitId, confidence: 1, candidates: [] }, {}).text);
    }
  });

  it('sends other guide answers to AnswerDialog', async () => {
    const { say, began } = chat(fixed({ kind: 'answer', unitId: 'duties' }));
    const reply = await say('bananas');
    expect(began).to.deep.equal([ANSWER_DIALOG]);
    expect(textOf(reply)).to.include(realKnowledge().units.get('duties')!.title);
  });

  it('replies to clarify, fallback and small talk itself, without a child dialog', async () => {
    const actions: Action[] = [
      { kind: 'clarify', choices: ['duties', 'hours'] },
      { kind: 'fallback', reason: 'out_of_scope' },
      { kind: 'no_more', unitId: 'duties' },
      { kind: 'talk', intent: 'thanks' },
    ];
    for (const action of actions) {
      const { say, began } = chat(fixed(action));
      const reply = await say('bananas');
      expect(began, action.kind).to.deep.equal([]);
      expect(textOf(reply), action.kind).to.equal(realAdvisor().compose({ ...action, confidence: 1, candidates: [] }, {}).text);
    }
  });

  it('saves the memory of the reply for the next turn', async () => {
    const recognizer = new RecordingRecognizer(fixed(salaryNewYork));
    const { say } = chat(recognizer);
    await say('one');
    await say('two');
    expect(recognizer.calls[1]!.memory).to.deep.equal({ salary: { states: ['NY'], industries: [], recent: ['state:NY'] } });
  });

  it('routes decisions by kind and unit', () => {
    const d = (action: Action): Decision => ({ ...action, confidence: 1, candidates: [] });
    expect(childDialogFor(d(salaryNewYork))).to.equal(SALARY_DIALOG);
    expect(childDialogFor(d({ kind: 'answer', unitId: 'become' }))).to.equal(BECOME_DIALOG);
    expect(childDialogFor(d({ kind: 'answer', unitId: 'step_bachelor' }))).to.equal(BECOME_DIALOG);
    expect(childDialogFor(d({ kind: 'answer', unitId: 'skills' }))).to.equal(ANSWER_DIALOG);
    expect(childDialogFor(d({ kind: 'talk', intent: 'greeting' }))).to.equal(undefined);
    expect(childDialogFor(d({ kind: 'fallback', reason: 'low_confidence' }))).to.equal(undefined);
  });

  it('refuses to let a child dialog answer a decision meant for another', async () => {
    const dialog = new SalaryDialog(realAdvisor());
    const options: DecisionOptions = { decision: { kind: 'answer', unitId: 'duties', confidence: 1, candidates: [] }, memory: {} };
    const dc = { context: { sendActivity: async () => undefined } } as unknown as DialogContext;
    let error: unknown;
    try {
      await dialog.beginDialog(dc, options);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.include('cannot answer');
  });
});
