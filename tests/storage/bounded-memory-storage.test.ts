import { expect } from 'chai';
import { BoundedMemoryStorage } from '../../src/storage/bounded-memory-storage.js';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => { time += ms; } };
}

describe('BoundedMemoryStorage', () => {
  const storage = (maxEntries = 100, ttlMs = 10 * MINUTE, now = manualClock().now) => new BoundedMemoryStorage({ ttlMs, maxEntries, now });

  it('reads back what was written, with a fresh eTag, as a copy', async () => {
    const store = storage();
    const item = { topic: 'salary', slots: { states: ['NJ'] } };
    await store.write({ a: item });
    const { a } = await store.read(['a']);
    expect(a).to.deep.include({ topic: 'salary', slots: { states: ['NJ'] } });
    expect(a?.eTag).to.be.a('string').and.not.be.empty;
    item.slots.states.push('CA');
    a!.slots.states.push('TX');
    expect((await store.read(['a'])).a?.slots.states).to.deep.equal(['NJ']);
  });

  it('leaves keys it does not hold out of a read', async () => {
    const store = storage();
    await store.write({ a: { n: 1 } });
    const items = await store.read(['a', 'missing']);
    expect(Object.keys(items)).to.deep.equal(['a']);
    expect(await store.read(['missing'])).to.deep.equal({});
  });

  it('forgets deleted keys and ignores keys it never held', async () => {
    const store = storage();
    await store.write({ a: { n: 1 }, b: { n: 2 } });
    await store.delete(['a', 'never-written']);
    expect(Object.keys(await store.read(['a', 'b']))).to.deep.equal(['b']);
    expect(store.size).to.equal(1);
  });

  it('keeps at most the maximum number of entries, dropping the least recently used first', async () => {
    const store = storage(3);
    await store.write({ a: { n: 1 } });
    await store.write({ b: { n: 2 } });
    await store.write({ c: { n: 3 } });
    await store.read(['a']); // a is now more recent than b and c
    await store.write({ d: { n: 4 } });
    await store.write({ e: { n: 5 } });
    expect(store.size).to.equal(3);
    expect(Object.keys(await store.read(['a', 'b', 'c', 'd', 'e'])).sort()).to.deep.equal(['a', 'd', 'e']);
  });

  it('stays at its maximum however many conversations it sees', async () => {
    const store = storage(50);
    for (let i = 0; i < 5_000; i++) await store.write({ [`conversation-${i}`]: { n: i } });
    expect(store.size).to.equal(50);
    expect(Object.keys(await store.read(['conversation-4999', 'conversation-4950', 'conversation-4949']))).to.deep.equal(['conversation-4999', 'conversation-4950']);
  });

  it('forgets entries idle for longer than the TTL, and only those', async () => {
    const clock = manualClock();
    const store = storage(100, 10 * MINUTE, clock.now);
    await store.write({ idle: { n: 1 }, busy: { n: 2 } });
    clock.advance(6 * MINUTE);
    await store.read(['busy']); // reading keeps an entry alive
    clock.advance(5 * MINUTE);
    expect(Object.keys(await store.read(['idle', 'busy']))).to.deep.equal(['busy']);
    expect(store.size).to.equal(1);
    clock.advance(10 * MINUTE);
    expect(await store.read(['busy'])).to.deep.equal({});
  });

  it('sweeps expired entries on write even if they are never read again', async () => {
    const clock = manualClock();
    const store = storage(100, MINUTE, clock.now);
    for (let i = 0; i < 10; i++) await store.write({ [`old-${i}`]: { n: i } });
    clock.advance(MINUTE);
    await store.write({ fresh: { n: 0 } });
    expect(store.size).to.equal(1);
  });

  it('rejects a write whose eTag is out of date, and writes nothing from that batch', async () => {
    const store = storage();
    await store.write({ a: { n: 1 } });
    const { a: first } = await store.read(['a']);
    await store.write({ a: { ...first, n: 2 } });
    let error: unknown;
    try {
      await store.write({ b: { n: 9 }, a: { ...first, n: 3 } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.include('eTag conflict');
    expect((await store.read(['a'])).a?.n).to.equal(2);
    expect(await store.read(['b'])).to.deep.equal({});
  });

  it('accepts a write with the current eTag, with "*", or with none', async () => {
    const store = storage();
    await store.write({ a: { n: 1 } });
    const { a } = await store.read(['a']);
    await store.write({ a: { ...a, n: 2 } });
    await store.write({ a: { n: 3, eTag: '*' } });
    await store.write({ a: { n: 4 } });
    const { a: last } = await store.read(['a']);
    expect(last?.n).to.equal(4);
    expect(last?.eTag).to.not.equal(a?.eTag);
  });

  it('refuses a limit that would not bound anything', () => {
    expect(() => new BoundedMemoryStorage({ ttlMs: MINUTE, maxEntries: 0 })).to.throw(RangeError);
    expect(() => new BoundedMemoryStorage({ ttlMs: 0, maxEntries: 10 })).to.throw(RangeError);
  });
});
