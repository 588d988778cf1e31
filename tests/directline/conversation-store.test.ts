import { expect } from 'chai';
import { ConversationStore, CONVERSATION_IDLE_TTL_MS } from '../../src/directline/conversation-store.js';

describe('the local Direct Line conversation store', () => {
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 1);
  });

  it('numbers activities in order and returns only those after a watermark', () => {
    const store = new ConversationStore({ now });
    const conversation = store.create('user-1');
    const first = store.append(conversation, { type: 'message', text: 'one' });
    store.append(conversation, { type: 'message', text: 'two' });
    expect(first.id).to.equal(`${conversation.id}|0000000`);

    const all = store.activitiesAfter(conversation, undefined);
    expect(all.activities.map((a) => a.text)).to.deep.equal(['one', 'two']);
    expect(all.watermark).to.equal('1');

    store.append(conversation, { type: 'message', text: 'three' });
    const newer = store.activitiesAfter(conversation, Number(all.watermark));
    expect(newer.activities.map((a) => a.text)).to.deep.equal(['three']);
    expect(newer.watermark).to.equal('2');
    expect(store.activitiesAfter(conversation, Number(newer.watermark))).to.deep.equal({ activities: [], watermark: '2' });
  });

  it('gives activities in the same millisecond strictly increasing timestamps', () => {
    const store = new ConversationStore({ now });
    const conversation = store.create('user-1');
    const stamps = [1, 2, 3].map(() => Date.parse(store.append(conversation, { type: 'message' }).timestamp));
    expect(stamps[1]).to.be.greaterThan(stamps[0] ?? Infinity);
    expect(stamps[2]).to.be.greaterThan(stamps[1] ?? Infinity);
  });

  it('keeps only the newest activities of a conversation', () => {
    const store = new ConversationStore({ now, maxActivitiesPerConversation: 3 });
    const conversation = store.create('user-1');
    for (let i = 0; i < 5; i++) store.append(conversation, { type: 'message', text: String(i) });
    const { activities, watermark } = store.activitiesAfter(conversation, undefined);
    expect(activities.map((a) => a.text)).to.deep.equal(['2', '3', '4']);
    expect(watermark).to.equal('4');
  });

  it('drops the least recently active conversation when full', () => {
    const store = new ConversationStore({ now, maxConversations: 2 });
    const a = store.create('a');
    const b = store.create('b');
    clock += 1000;
    store.touch(a); // b is now the least recently active
    const c = store.create('c');
    expect(store.size).to.equal(2);
    expect(store.get(a.id)).to.equal(a);
    expect(store.get(b.id)).to.equal(undefined);
    expect(store.get(c.id)).to.equal(c);
  });

  it(`forgets a conversation idle for ${CONVERSATION_IDLE_TTL_MS / 60000} minutes, and keeps one that was touched`, () => {
    const store = new ConversationStore({ now });
    const idle = store.create('idle');
    const busy = store.create('busy');
    clock += CONVERSATION_IDLE_TTL_MS - 1;
    store.touch(busy);
    clock += 1;
    expect(store.get(idle.id)).to.equal(undefined);
    expect(store.get(busy.id)).to.equal(busy);
  });

  it('sweeps expired conversations when a new one is created', () => {
    const store = new ConversationStore({ now, idleTtlMs: 1000 });
    store.create('a');
    store.create('b');
    clock += 1000;
    store.create('c');
    expect(store.size).to.equal(1);
  });
});
