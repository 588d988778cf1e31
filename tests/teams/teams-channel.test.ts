import { expect } from 'chai';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type ConversationAccount } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { MslBot } from '../../src/bot.js';
import type { Recognizer } from '../../src/career-advisor.js';
import type { ConversationMemory } from '../../src/nlu/decision.js';
import { welcomeReply } from '../../src/welcome-reply.js';
import { realAdvisor, realKnowledge } from '../support/knowledge.js';

const BOT = { id: '28:bot-app-id', name: 'MSL Bot' };
const USER = { id: '29:user-id', name: 'Dana', aadObjectId: '00000000-0000-0000-0000-000000000042' };
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** The newest Adaptive Card schema every Teams client (desktop, web, mobile) renders. */
const TEAMS_CARD_VERSION = [1, 5] as const;
/** Card elements every Teams client renders; the bot needs nothing else. */
const TEAMS_ELEMENTS = ['TextBlock', 'FactSet', 'ColumnSet', 'Column', 'Container', 'Image'];
/** Teams shows at most three suggested actions. */
const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

/** Questions that between them make every kind of reply: answers, salary cards, no data, clarification, fallback. */
const QUESTIONS = [
  'how much do MSLs earn in California',
  'what about New York?',
  'which states pay the most',
  'which industry pays MSLs the most',
  'how much do MSLs make',
  'salary in Texas',
  'compare that with California',
  'do I need a PhD',
  'how do I become an MSL',
  'what does an MSL do all day',
  'help',
  'what is the weather in Paris',
  'cancel',
];

type Conversation = Partial<ConversationAccount>;
const personal: Conversation = { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'tenant-id' };
const groupChat: Conversation = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-id' };
const channel: Conversation = { id: '19:channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true, tenantId: 'tenant-id' };

/**
 * The real MslBot, MainDialog and advisor on a TestAdapter that speaks as Teams does (channel msteams), recording
 * the text each message was understood as.
 */
function teamsBot(conversation: Conversation = personal) {
  const heard: string[] = [];
  const recognizer: Recognizer = {
    understand: (text, memory) => (heard.push(text), realAdvisor().understand(text, memory)),
  };
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(recognizer, realAdvisor(), conversationState.createProperty<ConversationMemory>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: welcomeReply(realKnowledge().replies) });
  const reference = TestAdapter.createConversation(conversation.id!, USER.id, BOT.id);
  reference.channelId = 'msteams';
  reference.bot = BOT;
  reference.user = USER;
  reference.conversation = conversation as ConversationAccount;
  const adapter = new TestAdapter(reference);
  /** Sends one activity and returns the messages the bot answered with. */
  const send = async (activity: Partial<Activity> | string): Promise<Partial<Activity>[]> => {
    await adapter.processActivity(activity, (context) => bot.run(context));
    return adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message);
  };
  return { send, heard };
}

/** Every object with a `type` inside a card, at any depth: elements, columns, actions, select actions. */
function typedNodes(value: unknown): { type: string }[] {
  if (Array.isArray(value)) return value.flatMap(typedNodes);
  if (value === null || typeof value !== 'object') return [];
  const own = typeof (value as { type?: unknown }).type === 'string' ? [value as { type: string }] : [];
  return [...own, ...Object.values(value).flatMap(typedNodes)];
}

const versionAtMost = (version: string, [major, minor]: readonly [number, number]): boolean => {
  const [m = NaN, n = 0] = version.split('.').map(Number);
  return m < major || (m === major && n <= minor);
};

const mention = (text = `<at>${BOT.name}</at>`) => ({ type: 'mention', mentioned: BOT, text });

describe('the bot on Microsoft Teams', () => {
  describe('cards and buttons', () => {
    let replies: Partial<Activity>[];

    before(async function () {
      this.timeout(60_000);
      const { send } = teamsBot();
      replies = [...(await send({ type: ActivityTypes.ConversationUpdate, membersAdded: [USER, BOT] }))];
      for (const question of QUESTIONS) replies.push(...(await send(question)));
    });

    const cards = () => replies.flatMap((r) => r.attachments ?? []);

    it('answers every question with at least one message', () => {
      expect(replies.length).to.be.at.least(QUESTIONS.length + 1);
    });

    it('sends only Adaptive Cards', () => {
      // Seven of the questions are about salaries, and each salary reply carries a card.
      expect(cards().length, 'salary replies carry cards').to.be.at.least(5);
      for (const card of cards()) expect(card.contentType).to.equal(ADAPTIVE_CARD);
    });

    it(`uses Adaptive Card schema ${TEAMS_CARD_VERSION.join('.')} or older`, () => {
      for (const { content } of cards()) {
        const { type, version } = content as { type: string; version: string };
        expect(type).to.equal('AdaptiveCard');
        expect(versionAtMost(version, TEAMS_CARD_VERSION), `version ${version}`).to.equal(true);
      }
    });

    it(`uses only the card elements every Teams client renders (${TEAMS_ELEMENTS.join(', ')})`, () => {
      for (const { content } of cards()) {
        const { body } = content as { body: unknown[] };
        const elements = typedNodes(body).filter((node) => !node.type.startsWith('Action.'));
        expect(elements.length).to.be.greaterThan(0);
        for (const element of elements) expect(TEAMS_ELEMENTS, JSON.stringify(element)).to.include(element.type);
      }
    });

    it('uses no Action.Execute, which needs the Universal Actions invoke handler the bot does not have', () => {
      for (const { content } of cards()) {
        expect(typedNodes(content).map((n) => n.type)).to.not.include('Action.Execute');
      }
    });

    it(`offers at most ${TEAMS_MAX_SUGGESTED_ACTIONS} suggested actions, each one that posts its question back`, () => {
      const offered = replies.filter((r) => r.suggestedActions);
      expect(offered.length, 'replies with suggested actions').to.be.greaterThan(QUESTIONS.length / 2);
      for (const reply of offered) {
        const actions = reply.suggestedActions!.actions;
        expect(actions.length).to.be.within(1, TEAMS_MAX_SUGGESTED_ACTIONS);
        for (const action of actions) {
          expect(action.type).to.equal('imBack');
          expect(action.value).to.be.a('string').and.to.equal(action.title);
        }
      }
    });

    it('puts every figure on a card in the text as well, for Teams clients that do not show the card', () => {
      for (const reply of replies.filter((r) => r.attachments?.length)) {
        const figures = JSON.stringify(reply.attachments).match(/\$[\d,]+/g) ?? [];
        for (const figure of new Set(figures)) expect(reply.text, figure).to.contain(figure);
      }
    });
  });

  describe('@mentions', () => {
    for (const [where, conversation] of [['a group chat', groupChat], ['a team channel', channel]] as const) {
      it(`answers "@${BOT.name} salary in NJ" in ${where} as "salary in NJ"`, async () => {
        const { send, heard } = teamsBot(conversation);
        const [reply] = await send({ text: `<at>${BOT.name}</at> salary in NJ`, entities: [mention()] });
        expect(heard).to.deep.equal(['salary in NJ']);
        expect(reply?.text).to.contain('$161,210');
      });
    }

    it('answers when the mention comes after the question', async () => {
      const { send, heard } = teamsBot(channel);
      const [reply] = await send({ text: `salary in NJ <at>${BOT.name}</at>`, entities: [mention()] });
      expect(heard).to.deep.equal(['salary in NJ']);
      expect(reply?.text).to.contain('$161,210');
    });

    it('keeps the conversation in a channel, so follow-ups work after a mention', async () => {
      const { send } = teamsBot(channel);
      await send({ text: `<at>${BOT.name}</at> salary in NJ`, entities: [mention()] });
      const [reply] = await send({ text: `<at>${BOT.name}</at> what about New York?`, entities: [mention()] });
      expect(reply?.text).to.contain('$157,290');
    });
  });

  describe('card button presses', () => {
    it('answers an Action.Submit with {text} and no typed text like the typed question', async () => {
      const { send, heard } = teamsBot();
      const [reply] = await send({ text: '', value: { text: 'how much do MSLs earn in California' } });
      expect(heard).to.deep.equal(['how much do MSLs earn in California']);
      expect(reply?.text).to.contain('$164,660');
      expect(reply?.attachments?.[0]?.contentType).to.equal(ADAPTIVE_CARD);
    });

    it('answers an Action.Submit with {question} and no text at all like the typed question', async () => {
      const { send, heard } = teamsBot(groupChat);
      const [reply] = await send({ value: { question: 'salary in NJ' } });
      expect(heard).to.deep.equal(['salary in NJ']);
      expect(reply?.text).to.contain('$161,210');
    });

    it('follows up on a question asked by a button press', async () => {
      const { send } = teamsBot();
      await send({ text: '', value: { question: 'how much do MSLs earn in California' } });
      const [reply] = await send('what about New York?');
      expect(reply?.text).to.contain('$157,290');
    });
  });
});
