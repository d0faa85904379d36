import pino from 'pino';
import { UnavailableError, TimeoutError } from '../../src/errors/errors';
import { Outage } from '../../src/graph/outage';

// The outage guard on its own, with a probe function the test controls.
const log = pino({ level: 'silent' });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `cond` holds (a busy machine may run the 10 ms probe timer late); fails after 5 s. */
async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after 5 s`);
    await wait(5);
  }
}

describe('Outage', () => {
  let outage: Outage;
  let neo4jUp: boolean;
  let probes: number;
  beforeEach(() => {
    neo4jUp = false;
    probes = 0;
    outage = new Outage(
      async () => {
        probes++;
        if (!neo4jUp) throw new UnavailableError();
      },
      log,
      10,
    );
  });
  afterEach(() => outage.stop());

  it('lets calls through until a call fails UNAVAILABLE, then fails them at once', () => {
    expect(() => outage.check()).not.toThrow();
    outage.failed(new TimeoutError(), Date.now());
    outage.failed(new Error('syntax'), Date.now());
    expect(() => outage.check()).not.toThrow();
    outage.failed(new UnavailableError(), Date.now());
    expect(() => outage.check()).toThrow(UnavailableError);
  });

  it('probes while open and closes on the first answer', async () => {
    outage.failed(new UnavailableError(), Date.now());
    await until(() => probes > 1, 'probed twice');
    expect(outage.isOpen).toBe(true);
    neo4jUp = true;
    await until(() => !outage.isOpen, 'closed');
    const after = probes;
    await wait(40);
    expect(probes).toBe(after); // no probing once closed
    expect(() => outage.check()).not.toThrow();
  });

  it('is not reopened by a late failure of a call that began before the recovery', async () => {
    const oldCall = Date.now();
    outage.failed(new UnavailableError(), oldCall);
    await wait(5);
    outage.answered();
    outage.failed(new UnavailableError(), oldCall);
    expect(outage.isOpen).toBe(false);
    await wait(5);
    outage.failed(new UnavailableError(), Date.now());
    expect(outage.isOpen).toBe(true);
  });

  it('stops probing when stopped', async () => {
    outage.failed(new UnavailableError(), Date.now());
    outage.stop();
    const before = probes;
    await wait(50);
    expect(probes).toBe(before);
  });
});
