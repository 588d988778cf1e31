import { expect } from 'chai';
import { ActivityTooLargeError, ConversationStore, CONVERSATION_IDLE_TTL_MS, MAX_ACTIVITY_BYTES } from '../../src/directline/conversation-store.js';

describe('the local Direct Line conversation store', () => {
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 1);
  });

  it('numbers activities in order and returns only those after a watermark', () => {
    const store = new ConversationStore({ now });
    const conversation = store.create('conversation-user-1', 'user-1');
    const first = store.append(conversation, { type: 'message', text: 'one' });
    store.append(conversation, { type: 'message', text: 'two' });
    expect(first.id).to.equal('conversation-user-1|0000000');

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
    const conversation = store.create('conversation-user-1', 'user-1');
    const stamps = [1, 2, 3].map(() => Date.parse(store.append(conversation, { type: 'message' }).timestamp));
    expect(stamps[1]).to.be.greaterThan(stamps[0] ?? Infinity);
    expect(stamps[2]).to.be.greaterThan(stamps[1] ?? Infinity);
  });

  it('keeps only the newest activities of a conversation', () => {
    const store = new ConversationStore({ now, maxActivitiesPerConversation: 3 });
    const conversation = store.create('conversation-user-1', 'user-1');
    for (let i = 0; i < 5; i++) store.append(conversation, { type: 'message', text: String(i) });
    const { activities, watermark } = store.activitiesAfter(conversation, undefined);
    expect(activities.map((a) => a.text)).to.deep.equal(['2', '3', '4']);
    expect(watermark).to.equal('4');
  });

  it('drops the least recently active conversation when full', () => {
    const store = new ConversationStore({ now, maxConversations: 2 });
    const a = store.create('conversation-a', 'a');
    const b = store.create('conversation-b', 'b');
    clock += 1000;
    store.touch(a); // b is now the least recently active
    const c = store.create('conversation-c', 'c');
    expect(store.size).to.equal(2);
    expect(store.get(a.id)).to.equal(a);
    expect(store.get(b.id)).to.equal(undefined);
    expect(store.get(c.id)).to.equal(c);
  });

  it(`forgets a conversation idle for ${CONVERSATION_IDLE_TTL_MS / 60000} minutes, and keeps one that was touched`, () => {
    const store = new ConversationStore({ now });
    const idle = store.create('conversation-idle', 'idle');
    const busy = store.create('conversation-busy', 'busy');
    clock += CONVERSATION_IDLE_TTL_MS - 1;
    store.touch(busy);
    clock += 1;
    expect(store.get(idle.id)).to.equal(undefined);
    expect(store.get(busy.id)).to.equal(busy);
  });

  it('sweeps expired conversations when a new one is created', () => {
    const store = new ConversationStore({ now, idleTtlMs: 1000 });
    store.create('conversation-a', 'a');
    store.create('conversation-b', 'b');
    clock += 1000;
    store.create('conversation-c', 'c');
    expect(store.size).to.equal(1);
  });

  it('drops conversations nobody spoke in before those with a question, when full', () => {
    const store = new ConversationStore({ now, maxConversations: 3 });
    const spoken = store.create('spoken', 'a', 'address-a');
    store.engage(spoken);
    clock += 1000;
    const silent = store.create('silent', 'b', 'address-b');
    const alsoSpoken = store.create('also-spoken', 'c', 'address-c');
    store.engage(alsoSpoken);
    store.create('new', 'd', 'address-d');
    expect(store.get(silent.id), 'the silent one, though more recently active').to.equal(undefined);
    expect(store.get(spoken.id)).to.equal(spoken);

    store.create('newer', 'e', 'address-e'); // 'new' was never spoken in either
    expect(store.get('new')).to.equal(undefined);
    store.engage(store.get('newer') ?? expect.fail('newer is gone'));
    store.create('newest', 'f', 'address-f'); // all spoken in now: the least recently active goes
    expect(store.get(spoken.id)).to.equal(undefined);
  });

  it("makes room for an address's conversation among its own, never anyone else's", () => {
    const store = new ConversationStore({ now, maxConversations: 100, maxConversationsPerAddress: 2 });
    const visitor = store.create('visitor', 'v', 'address-v');
    const first = store.create('first', 'x', 'address-x');
    store.engage(first);
    const second = store.create('second', 'x', 'address-x');
    const third = store.create('third', 'x', 'address-x');
    expect(store.get(second.id), "the address's conversation nobody spoke in").to.equal(undefined);
    expect(store.get(first.id)).to.equal(first);
    expect(store.get(third.id)).to.equal(third);
    expect(store.get(visitor.id)).to.equal(visitor);
    for (let i = 0; i < 10; i++) store.create(`more-${i}`, 'x', 'address-x');
    expect(store.size).to.equal(3);
    expect(store.get(visitor.id)).to.equal(visitor);
  });

  it(`refuses an activity over ${MAX_ACTIVITY_BYTES} bytes and stores nothing of it`, () => {
    const store = new ConversationStore({ now });
    const conversation = store.create('c', 'u');
    expect(() => store.append(conversation, { type: 'message', text: 'x'.repeat(MAX_ACTIVITY_BYTES) })).to.throw(ActivityTooLargeError);
    expect(store.bytes).to.equal(0);
    expect(store.activitiesAfter(conversation, undefined)).to.deep.equal({ activities: [], watermark: undefined });
  });

  it("cuts a conversation back to its byte limit, oldest first, and counts what it holds", () => {
    const store = new ConversationStore({ now, maxConversationBytes: 1000 });
    const conversation = store.create('c', 'u');
    for (let i = 0; i < 10; i++) store.append(conversation, { type: 'message', text: `${i}${'x'.repeat(200)}` });
    const { activities } = store.activitiesAfter(conversation, undefined);
    expect(activities.map((a) => (a.text as string)[0])).to.deep.equal(['7', '8', '9']);
    expect(store.bytes).to.equal(activities.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a)), 0));
  });

  it('holds the whole store to its byte limit by dropping the largest other conversations', () => {
    const store = new ConversationStore({ now, maxStoreBytes: 5000 });
    const chat = store.create('chat', 'a', 'address-a');
    store.append(chat, { type: 'message', text: 'hello' });
    const forgotten: string[] = [];
    store.onForget((id) => forgotten.push(id));
    for (let i = 0; i < 20; i++) {
      const flood = store.create(`flood-${i}`, 'f', `address-${i}`);
      store.append(flood, { type: 'message', text: 'x'.repeat(900) });
      store.append(flood, { type: 'message', text: 'x'.repeat(900) });
      expect(store.bytes).to.be.at.most(5000);
    }
    expect(store.get(chat.id), 'the small conversation').to.equal(chat);
    expect(forgotten).to.include('flood-0').and.not.include('chat');
  });

  it('refuses to append to a conversation it no longer holds', () => {
    const store = new ConversationStore({ now, idleTtlMs: 1000 });
    const conversation = store.create('c', 'u');
    clock += 1000;
    expect(store.get('c')).to.equal(undefined);
    expect(() => store.append(conversation, { type: 'message', text: 'late' })).to.throw('no longer held');
    expect(store.bytes).to.equal(0);
  });
});
