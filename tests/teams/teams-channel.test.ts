import { expect } from 'chai';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type ConversationAccount } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { MslBot } from '../../src/bot.js';
import { fixtureAdvisor, fixtureFigure, fixturePack } from '../support/knowledge.js';
import { RecordingBrain } from '../support/recording-brain.js';

const BOT = { id: '28:bot-app-id', name: 'Career Bot' };
const USER = { id: '29:user-id', name: 'Dana', aadObjectId: '00000000-0000-0000-0000-000000000042' };
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** The newest Adaptive Card schema every Teams client (desktop, web, mobile) renders. */
const TEAMS_CARD_VERSION = [1, 5] as const;
/** Card elements every Teams client renders; the bot needs nothing else. */
const TEAMS_ELEMENTS = ['TextBlock', 'FactSet', 'ColumnSet', 'Column', 'Container', 'Image'];
/** Teams shows at most three suggested actions. */
const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

const pack = fixturePack();

/** Questions that between them make every kind of reply: answers, lists, figures, no data, gaps, small talk, off topic. */
const QUESTIONS = [
  'how much do CRAs make in Washington?',
  'and Texas?',
  'which state pays CRAs the most?',
  'how much do clinical research associates make?',
  'how much do CRAs make in California?',
  'compare them',
  ...[...pack.units.values()].slice(0, 8).map((u) => u.ask),
  'Top job sites',
  'can a CRA get a visa sponsorship?',
  'help',
  'what is the weather in Paris',
  'cancel',
];

type Conversation = Partial<ConversationAccount>;
const personal: Conversation = { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'tenant-id' };
const groupChat: Conversation = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-id' };
const channel: Conversation = { id: '19:channel@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true, tenantId: 'tenant-id' };

/** The real MslBot, MainDialog and advisor on the fixture pack, on a TestAdapter that speaks as Teams does. */
function teamsBot(conversation: Conversation = personal) {
  const brain = new RecordingBrain(fixtureAdvisor());
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(brain, conversationState.createProperty<unknown>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: brain.welcome() });
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
  return { send, brain };
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
const wordsOf = (a: Partial<Activity> | undefined): string => `${a?.text ?? ''}\n${JSON.stringify(a?.attachments ?? [])}`;
const mention = () => ({ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` });

describe('the bot on Microsoft Teams', () => {
  describe('cards and buttons', () => {
    const replies: Partial<Activity>[][] = [];

    before(async function () {
      this.timeout(60_000);
      const { send } = teamsBot();
      replies.push(await send({ type: ActivityTypes.ConversationUpdate, membersAdded: [USER, BOT] }));
      for (const question of QUESTIONS) replies.push(await send(question));
    });

    const all = () => replies.flat();
    const cards = () => all().flatMap((r) => r.attachments ?? []);

    it('answers every question, and the welcome, with exactly one activity', () => {
      expect(replies.map((r) => r.length)).to.deep.equal(Array<number>(QUESTIONS.length + 1).fill(1));
    });

    it('sends a reply with figures or a list as one Adaptive Card with no text beside it', () => {
      const carded = all().filter((r) => r.attachments?.length);
      expect(carded.length, 'replies with cards').to.be.at.least(6);
      for (const reply of carded) {
        expect(reply.attachments).to.have.length(1);
        expect(reply.attachments![0]!.contentType).to.equal(ADAPTIVE_CARD);
        expect(reply.text ?? '').to.equal('');
      }
    });

    it('sends a reply of paragraphs only as Markdown text', () => {
      const texts = all().filter((r) => !r.attachments?.length);
      expect(texts.length).to.be.at.least(3);
      for (const reply of texts) {
        expect(reply.textFormat).to.equal('markdown');
        expect(reply.text).to.be.a('string').and.not.equal('');
      }
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
        const elements = typedNodes((content as { body: unknown[] }).body).filter((node) => !node.type.startsWith('Action.'));
        expect(elements.length).to.be.greaterThan(0);
        for (const element of elements) expect(TEAMS_ELEMENTS, JSON.stringify(element)).to.include(element.type);
      }
    });

    it('uses no card actions at all, so no Action.Execute, which needs an invoke handler the bot does not have', () => {
      for (const { content } of cards()) expect(typedNodes(content).map((n) => n.type).filter((t) => t.startsWith('Action.'))).to.deep.equal([]);
    });

    it(`puts the buttons on the same activity as the card: at most ${TEAMS_MAX_SUGGESTED_ACTIONS}, each posting its question back`, () => {
      const offered = all().filter((r) => r.suggestedActions);
      expect(offered.length, 'replies with suggested actions').to.be.greaterThan(QUESTIONS.length / 2);
      expect(offered.filter((r) => r.attachments?.length).length, 'cards with suggested actions').to.be.greaterThan(0);
      for (const reply of offered) {
        const actions = reply.suggestedActions!.actions;
        expect(actions.length).to.be.within(1, TEAMS_MAX_SUGGESTED_ACTIONS);
        for (const action of actions) {
          expect(action.type).to.equal('imBack');
          expect(action.value).to.be.a('string').and.not.equal('');
          expect(String(action.title).length).to.be.at.most(30);
        }
      }
    });
  });

  describe('@mentions', () => {
    for (const [where, conversation] of [['a group chat', groupChat], ['a team channel', channel]] as const) {
      it(`answers "@${BOT.name} CRA salary in Texas" in ${where} as "CRA salary in Texas"`, async () => {
        const { send, brain } = teamsBot(conversation);
        const [reply] = await send({ text: `<at>${BOT.name}</at> CRA salary in Texas`, entities: [mention()] });
        expect(brain.heard).to.deep.equal(['CRA salary in Texas']);
        expect(wordsOf(reply)).to.contain(fixtureFigure('TX'));
      });
    }

    it('answers when the mention comes after the question', async () => {
      const { send, brain } = teamsBot(channel);
      const [reply] = await send({ text: `CRA salary in Texas <at>${BOT.name}</at>`, entities: [mention()] });
      expect(brain.heard).to.deep.equal(['CRA salary in Texas']);
      expect(wordsOf(reply)).to.contain(fixtureFigure('TX'));
    });

    it('keeps the conversation in a channel, so follow-ups work after a mention', async () => {
      const { send } = teamsBot(channel);
      await send({ text: `<at>${BOT.name}</at> CRA salary in Texas`, entities: [mention()] });
      const [reply] = await send({ text: `<at>${BOT.name}</at> what about Oregon?`, entities: [mention()] });
      expect(wordsOf(reply)).to.contain(fixtureFigure('OR'));
    });
  });

  describe('card button presses', () => {
    it('answers an Action.Submit with {text} and no typed text like the typed question', async () => {
      const { send, brain } = teamsBot();
      const [reply] = await send({ text: '', value: { text: 'how much do CRAs make in Washington?' } });
      expect(brain.heard).to.deep.equal(['how much do CRAs make in Washington?']);
      expect(reply?.attachments?.[0]?.contentType).to.equal(ADAPTIVE_CARD);
      expect(wordsOf(reply)).to.contain(fixtureFigure('WA'));
    });

    it('answers an Action.Submit with {question} and no text at all like the typed question', async () => {
      const { send, brain } = teamsBot(groupChat);
      const [reply] = await send({ value: { question: 'CRA salary in Texas' } });
      expect(brain.heard).to.deep.equal(['CRA salary in Texas']);
      expect(wordsOf(reply)).to.contain(fixtureFigure('TX'));
    });

    it('follows up on a question asked by a button press', async () => {
      const { send } = teamsBot();
      await send({ text: '', value: { question: 'how much do CRAs make in Washington?' } });
      const [reply] = await send('what about Oregon?');
      expect(wordsOf(reply)).to.contain(fixtureFigure('OR'));
    });
  });
});
