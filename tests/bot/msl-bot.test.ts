import { expect } from 'chai';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { MslBot } from '../../src/bot.js';
import type { Recognizer } from '../../src/career-advisor.js';
import type { ConversationMemory, Decision } from '../../src/nlu/decision.js';
import { welcomeReply } from '../../src/welcome-reply.js';
import { realAdvisor, realKnowledge } from '../support/knowledge.js';

const BOT = { id: 'bot-id', name: 'MSL bot' };
const USER = { id: 'user-id', name: 'User' };

/** The real MslBot and MainDialog on a TestAdapter, recording the text each message was understood as. */
function botOnChannel(channelId = 'test') {
  const heard: string[] = [];
  const recognizer: Recognizer = {
    understand(text: string, memory: ConversationMemory): Decision {
      heard.push(text);
      return realAdvisor().understand(text, memory);
    },
  };
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(recognizer, realAdvisor(), conversationState.createProperty<ConversationMemory>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: welcomeReply(realKnowledge().replies) });
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
  return { send, heard };
}

const messages = (sent: Partial<Activity>[]) => sent.filter((a) => a.type === ActivityTypes.Message);

describe('MslBot', () => {
  it('answers a message through MainDialog', async () => {
    const { send } = botOnChannel();
    const [reply] = messages(await send('how much do MSLs earn in California'));
    expect(reply?.text).to.include('$164,660');
  });

  it('remembers the conversation between messages', async () => {
    const { send } = botOnChannel();
    await send('how much do MSLs earn in California');
    const [reply] = messages(await send('what about New York?'));
    expect(reply?.text).to.include('$157,290');
  });

  it('removes an @mention of the bot before understanding the message', async () => {
    const { send, heard } = botOnChannel('msteams');
    await send({
      type: 'message',
      text: '<at>MSL bot</at> do I need a PhD?',
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>MSL bot</at>' }],
    });
    expect(heard).to.deep.equal(['do I need a PhD?']);
  });

  it('keeps an @mention of someone else', async () => {
    const { send, heard } = botOnChannel('msteams');
    await send({
      type: 'message',
      text: '<at>Sam</at> do I need a PhD?',
      entities: [{ type: 'mention', mentioned: { id: 'sam' }, text: '<at>Sam</at>' }],
    });
    expect(heard).to.deep.equal(['<at>Sam</at> do I need a PhD?']);
  });

  it('treats a card submit with a question as the message text', async () => {
    const { send, heard } = botOnChannel();
    const [reply] = messages(await send({ type: 'message', value: { question: 'How much do MSLs earn in California?' } }));
    expect(heard).to.deep.equal(['How much do MSLs earn in California?']);
    expect(reply?.text).to.include('$164,660');
  });

  it('treats a card submit with text as the message text', async () => {
    const { send, heard } = botOnChannel();
    await send({ type: 'message', value: { text: 'Do I need a PhD?' } });
    expect(heard).to.deep.equal(['Do I need a PhD?']);
  });

  it('welcomes a person who joins with the welcome text and three starter questions', async () => {
    const { send } = botOnChannel();
    const sent = await send({ type: 'conversationUpdate', membersAdded: [BOT, USER] });
    expect(sent).to.have.length(1);
    const { welcome, starters } = realKnowledge().replies;
    expect(sent[0]?.text).to.equal(welcome);
    expect(sent[0]?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(starters.slice(0, 3)).and.to.have.length(3);
  });

  it('does not welcome itself', async () => {
    const { send } = botOnChannel();
    expect(await send({ type: 'conversationUpdate', membersAdded: [BOT] })).to.have.length(0);
  });

  it('ignores other activity types', async () => {
    const { send, heard } = botOnChannel();
    for (const type of ['typing', 'event', 'messageReaction', 'installationUpdate']) {
      expect(await send({ type, name: 'anything', value: { text: 'help' } }), type).to.have.length(0);
    }
    expect(heard).to.deep.equal([]);
  });

  it('sends trace activities to the Emulator only', async () => {
    const web = botOnChannel('webchat');
    expect((await web.send('help')).map((a) => a.type)).to.deep.equal(['message']);
    const emulator = botOnChannel('emulator');
    expect((await emulator.send('help')).map((a) => a.type)).to.include('trace').and.to.include('message');
  });
});
