import { expect } from 'chai';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { say as wording } from '../../src/answer/words.js';
import { MslBot } from '../../src/bot.js';
import { fixtureAdvisor, fixtureFigure, fixturePack } from '../support/knowledge.js';
import { RecordingBrain } from '../support/recording-brain.js';

const BOT = { id: 'bot-id', name: 'Career bot' };
const USER = { id: 'user-id', name: 'User' };
const pack = fixturePack();

/** The real MslBot and MainDialog over the fixture pack on a TestAdapter, recording the text each message was read as. */
function botOnChannel(channelId = 'webchat') {
  const brain = new RecordingBrain(fixtureAdvisor());
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(brain, conversationState.createProperty<unknown>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: brain.welcome() });
  const reference = TestAdapter.createConversation('conversation-id', USER.id, BOT.id);
  reference.channelId = channelId;
  reference.bot = BOT;
  reference.user = USER;
  // Trace activities on, as a real connector would see them, so the test can tell whether the bot drops them.
  const adapter = new TestAdapter(reference, undefined, true);
  /** Sends one activity and returns everything the bot sent back. */
  const send = async (activity: Partial<Activity> | string): Promise<Partial<Activity>[]> => {
    await adapter.processActivity(activity, (context) => bot.run(context));
    return adapter.activeQueue.splice(0);
  };
  return { send, brain };
}

const messages = (sent: Partial<Activity>[]) => sent.filter((a) => a.type === ActivityTypes.Message);
/** Everything a message says: its text and the strings inside its card. */
const wordsOf = (a: Partial<Activity> | undefined): string => `${a?.text ?? ''}\n${JSON.stringify(a?.attachments ?? [])}`;

describe('MslBot', () => {
  it('answers a message through MainDialog with one message', async () => {
    const { send } = botOnChannel();
    const sent = messages(await send('how much do CRAs make in Washington?'));
    expect(sent).to.have.length(1);
    expect(wordsOf(sent[0])).to.include(fixtureFigure('WA'));
  });

  it('remembers the conversation between messages', async () => {
    const { send } = botOnChannel();
    await send('how much do CRAs make in Washington?');
    const [reply] = messages(await send('and Texas?'));
    expect(wordsOf(reply)).to.include(fixtureFigure('TX'));
  });

  it('removes an @mention of the bot before reading the message', async () => {
    const { send, brain } = botOnChannel('msteams');
    await send({ type: 'message', text: `<at>${BOT.name}</at> what is a clinical research associate?`, entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }] });
    expect(brain.heard).to.deep.equal(['what is a clinical research associate?']);
  });

  it('keeps an @mention of someone else', async () => {
    const { send, brain } = botOnChannel('msteams');
    await send({ type: 'message', text: '<at>Sam</at> what is a CRA?', entities: [{ type: 'mention', mentioned: { id: 'sam' }, text: '<at>Sam</at>' }] });
    expect(brain.heard).to.deep.equal(['<at>Sam</at> what is a CRA?']);
  });

  it('takes a card submit with a question as the message text', async () => {
    const { send, brain } = botOnChannel();
    const [reply] = messages(await send({ type: 'message', value: { question: 'How much do CRAs make in Washington?' } }));
    expect(brain.heard).to.deep.equal(['How much do CRAs make in Washington?']);
    expect(wordsOf(reply)).to.include(fixtureFigure('WA'));
  });

  it('takes a card submit with text as the message text', async () => {
    const { send, brain } = botOnChannel();
    await send({ type: 'message', value: { text: 'Top employers' } });
    expect(brain.heard).to.deep.equal(['Top employers']);
  });

  it('reads a card submit with neither as the typed text', async () => {
    const { send, brain } = botOnChannel();
    await send({ type: 'message', text: 'Top job sites', value: { rating: 5 } });
    expect(brain.heard).to.deep.equal(['Top job sites']);
  });

  it('welcomes a person who joins with the pack\'s welcome and its three starter questions', async () => {
    const { send } = botOnChannel();
    const sent = await send({ type: 'conversationUpdate', membersAdded: [BOT, USER] });
    expect(sent).to.have.length(1);
    expect(sent[0]?.text).to.equal(wording(pack, 'welcome'));
    expect(sent[0]?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(pack.starters.map((s) => s.ask)).and.to.have.length(3);
  });

  it('welcomes once however many people join at once', async () => {
    const { send } = botOnChannel();
    expect(await send({ type: 'conversationUpdate', membersAdded: [USER, { id: 'other', name: 'Other' }] })).to.have.length(1);
  });

  it('does not welcome itself', async () => {
    const { send } = botOnChannel();
    expect(await send({ type: 'conversationUpdate', membersAdded: [BOT] })).to.have.length(0);
  });

  it('ignores other activity types', async () => {
    const { send, brain } = botOnChannel();
    for (const type of ['typing', 'event', 'messageReaction', 'installationUpdate']) {
      expect(await send({ type, name: 'anything', value: { text: 'help' } }), type).to.have.length(0);
    }
    expect(brain.heard).to.deep.equal([]);
  });

  it('sends trace activities to the Emulator only', async () => {
    const web = botOnChannel('webchat');
    expect((await web.send('help')).map((a) => a.type)).to.deep.equal(['message']);
    const emulator = botOnChannel('emulator');
    expect((await emulator.send('help')).map((a) => a.type)).to.include('trace').and.to.include('message');
  });
});
