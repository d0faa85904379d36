import { WriteJournal, type WriteDelta } from '../../src/graph/write-journal';

// The journal of this process's writes: which of them lie between two version reads, and the gate
// that keeps a version read from overlapping a commit of this process.

const delta = (name: string): WriteDelta => ({ opened: [{ from: 'a', type: 'DERIVED_FROM', to: name }], created: new Map(), written: [name] });

describe('WriteJournal', () => {
  it('gives the writes between two reads when their change records are the whole move of the version', async () => {
    const journal = new WriteJournal();
    const { seen: before } = await journal.read(async () => 0, () => undefined);
    await journal.commit(async () => undefined, 3, delta('w1'));
    await journal.commit(async () => undefined, 2, delta('w2'));
    const { seen: after } = await journal.read(async () => 0, () => undefined);
    expect([before, after]).toEqual([0, 2]);
    expect(journal.between(before, after, 5)?.map((d) => d.written[0])).toEqual(['w1', 'w2']);
    expect(journal.between(1, after, 2)?.map((d) => d.written[0])).toEqual(['w2']);
    // One more change record than these writes made: someone else wrote.
    expect(journal.between(before, after, 6)).toBeUndefined();
    expect(journal.between(before, after, 4)).toBeUndefined();
    expect(journal.between(after, after, 0)).toEqual([]);
  });

  it('remembers which of its writes a read of a version saw', async () => {
    const journal = new WriteJournal();
    await journal.read(async () => 10, (v) => v);
    await journal.commit(async () => undefined, 2, delta('w1'));
    await journal.read(async () => 12, (v) => v);
    await journal.read(async () => 12, (v) => v);
    expect([journal.seenAt(10), journal.seenAt(12), journal.seenAt(11)]).toEqual([0, 1, undefined]);
  });

  it('gives nothing across a write a walk cannot follow, and nothing for a commit that failed', async () => {
    const journal = new WriteJournal();
    await journal.commit(async () => undefined, 1, delta('w1'));
    await journal.commit(async () => undefined, 1, null);
    await expect(journal.commit(async () => Promise.reject(new Error('lost')), 1, delta('w3'))).rejects.toThrow('lost');
    await journal.commit(async () => undefined, 1, delta('w4'));
    expect(journal.between(0, 1, 1)).toHaveLength(1);
    expect(journal.between(0, 3, 3)).toBeUndefined();
    expect(journal.between(2, 3, 1)?.map((d) => d.written[0])).toEqual(['w4']);
  });

  it('forgets its oldest writes past its bound, and then gives nothing from before them', async () => {
    const journal = new WriteJournal();
    for (let i = 0; i < 2_001; i++) await journal.commit(async () => undefined, 1, delta(`w${i}`));
    expect(journal.between(0, 2_001, 2_001)).toBeUndefined();
    expect(journal.between(1, 2_001, 2_000)).toHaveLength(2_000);
  });

  it('lets no read run while a commit of this process is in flight, and no commit while a read runs', async () => {
    const journal = new WriteJournal();
    const events: string[] = [];
    let endCommit!: () => void;
    const commit = journal.commit(
      () =>
        new Promise<void>((resolve) => {
          events.push('commit sent');
          endCommit = () => {
            events.push('commit acknowledged');
            resolve();
          };
        }),
      1,
      delta('w1'),
    );
    const read = journal.read(async () => events.push('read'), () => undefined);
    await Promise.resolve();
    expect(events).toEqual(['commit sent']);
    endCommit();
    const { seen } = await read;
    await commit;
    expect(events).toEqual(['commit sent', 'commit acknowledged', 'read']);
    expect(seen).toBe(1);

    let endRead!: () => void;
    const slow = journal.read(() => new Promise<void>((resolve) => (endRead = resolve)), () => undefined);
    const second = journal.commit(async () => void events.push('second commit'), 1, delta('w2'));
    const overtaking = journal.read(async () => events.push('read queued after the commit'), () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.slice(3)).toEqual([]);
    endRead();
    await Promise.all([slow, second, overtaking]);
    expect(events.slice(3)).toEqual(['second commit', 'read queued after the commit']);
    expect((await overtaking).seen).toBe(2);
  });
});
