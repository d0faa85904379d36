import { FirstRuns } from '../../src/graph/first-runs';

// The gate on its own: `work` stands for one read statement, resolved or failed by the test.
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('FirstRuns', () => {
  it('runs the first read of a statement alone and lets the others go once it has completed', async () => {
    const gate = new FirstRuns();
    const first = deferred<string>();
    const started: number[] = [];
    const answers = [0, 1, 2, 3].map((i) =>
      gate.run('browse/entities-page', () => {
        started.push(i);
        return i === 0 ? first.promise : Promise.resolve(`answer ${i}`);
      }),
    );
    await tick();
    expect(started).toEqual([0]);
    first.resolve('answer 0');
    expect(await Promise.all(answers)).toEqual(['answer 0', 'answer 1', 'answer 2', 'answer 3']);
    expect(started.sort()).toEqual([0, 1, 2, 3]);
  });

  it('does not hold back other statements, nor reads of one that has completed', async () => {
    const gate = new FirstRuns();
    await gate.run('a', async () => 'done');
    const slow = deferred<string>();
    const pending = gate.run('b', () => slow.promise);
    let otherRan = 0;
    await Promise.all([gate.run('a', async () => ++otherRan), gate.run('a', async () => ++otherRan), gate.run('c', async () => ++otherRan)]);
    expect(otherRan).toBe(3);
    slow.resolve('b done');
    expect(await pending).toBe('b done');
  });

  it('lets the next waiter go first when the first run fails, with the failure for its caller only', async () => {
    const gate = new FirstRuns();
    const first = deferred<string>();
    let calls = 0;
    const failing = gate.run('q', () => (calls++, first.promise));
    const waiting = [gate.run('q', async () => (calls++, 'second')), gate.run('q', async () => (calls++, 'third'))];
    await tick();
    expect(calls).toBe(1);
    first.reject(new Error('timeout'));
    await expect(failing).rejects.toThrow('timeout');
    expect(await Promise.all(waiting)).toEqual(['second', 'third']);
    expect(calls).toBe(3);
  });

  it('makes reads wait again after a reset (Neo4j restarted, its plans gone)', async () => {
    const gate = new FirstRuns();
    await gate.run('q', async () => 'planned');
    gate.reset();
    const first = deferred<string>();
    const started: string[] = [];
    const a = gate.run('q', () => (started.push('a'), first.promise));
    const b = gate.run('q', async () => (started.push('b'), 'b'));
    await tick();
    expect(started).toEqual(['a']);
    first.resolve('a');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
  });
});
