import { expect } from 'chai';
import { ActivityTypes, type Activity } from 'botbuilder';
import { InProcessAdapter, typingWhileAnswering } from '../../src/directline/in-process-adapter.js';

const incoming = (extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: ActivityTypes.Message,
  id: 'incoming-1',
  text: 'hello',
  channelId: 'webchat',
  conversation: { id: 'conversation-1' } as Activity['conversation'],
  from: { id: 'user-1', name: 'User', role: 'user' },
  recipient: { id: 'bot', name: 'Bot', role: 'bot' },
  ...extra,
});

describe("the local Direct Line's in-process adapter", () => {
  it("hands the turn's replies to the turn's sink, addressed back to the user", async () => {
    const sent: Array<Partial<Activity>> = [];
    const adapter = new InProcessAdapter();
    await adapter.process(incoming(), (a) => (sent.push(a), { id: `reply-${sent.length}` }), async (context) => {
      const response = await context.sendActivity('hi there');
      expect(response?.id).to.equal('reply-1');
    });
    expect(sent).to.have.length(1);
    expect(sent[0]).to.deep.include({ type: 'message', text: 'hi there', replyToId: 'incoming-1' });
    expect(sent[0]?.from?.id).to.equal('bot');
    expect(sent[0]?.recipient?.id).to.equal('user-1');
    expect(sent[0]?.conversation?.id).to.equal('conversation-1');
  });

  it("sends a failed turn's apology through its turn error handler to the same sink", async () => {
    const sent: Array<Partial<Activity>> = [];
    const adapter = new InProcessAdapter();
    adapter.onTurnError = async (context) => {
      await context.sendActivity('sorry');
    };
    await adapter.process(incoming(), (a) => (sent.push(a), { id: 'x' }), async () => {
      throw new Error('broken');
    });
    expect(sent.map((a) => a.text)).to.deep.equal(['sorry']);
  });

  it('sends a typing activity before the answer to a message, and none for other activities', async () => {
    const adapter = new InProcessAdapter().use(typingWhileAnswering);
    const types = async (activity: Partial<Activity>): Promise<string[]> => {
      const sent: string[] = [];
      await adapter.process(activity, (a) => (sent.push(a.type ?? ''), { id: 'x' }), async (context) => {
        await context.sendActivity('answer');
      });
      return sent;
    };
    expect(await types(incoming())).to.deep.equal(['typing', 'message']);
    expect(await types(incoming({ type: ActivityTypes.ConversationUpdate, text: undefined }))).to.deep.equal(['message']);
  });

  it('has no proactive messages, updates or deletions to offer', async () => {
    const adapter = new InProcessAdapter();
    let failures = 0;
    for (const attempt of [
      () => adapter.continueConversation({}, async () => undefined),
      () => adapter.updateActivity(),
      () => adapter.deleteActivity(),
    ]) {
      await attempt().catch(() => failures++);
    }
    expect(failures).to.equal(3);
  });
});
