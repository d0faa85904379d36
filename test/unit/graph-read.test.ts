import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import pino from 'pino';
import { Graph } from '../../src/graph/graph';
import { queries } from '../../src/graph';

// Graph.read sends a statement as an auto-commit transaction first and falls back to a managed
// read transaction (the driver's retries) only on a failure the driver would retry. A driver whose
// sessions the test controls: no Neo4j can be made to fail this way on demand.

const log = pino({ level: 'silent' });
const row = { keys: ['id', 'checksum'], get: (k: string) => (k === 'id' ? '0001' : 'abc') };

function fakeDriver(firstRun: () => Promise<unknown>) {
  const calls = { run: 0, executeRead: 0 };
  const session = {
    run: () => {
      calls.run++;
      return firstRun();
    },
    executeRead: async (work: (tx: unknown) => Promise<unknown>) => {
      calls.executeRead++;
      return work({ run: async () => ({ records: [row] }) });
    },
    close: async () => undefined,
  };
  const driver = { session: () => session } as unknown as Driver;
  return { driver, calls };
}

const read = (driver: Driver) => new Graph(driver, { database: 'neo4j', queryTimeoutMs: 1_000, log }).read(queries.migrationsApplied, {});

describe('Graph.read', () => {
  it('answers from one auto-commit statement when it succeeds', async () => {
    const { driver, calls } = fakeDriver(async () => ({ records: [row] }));
    expect(await read(driver)).toEqual([{ id: '0001', checksum: 'abc' }]);
    expect(calls).toEqual({ run: 1, executeRead: 0 });
  });

  it('retries a failure the driver would retry as a managed read transaction', async () => {
    const transient = new Neo4jError('leader switched', 'Neo.TransientError.General.DatabaseUnavailable', '50N00', 'unavailable');
    expect(neo4j.isRetryableError(transient)).toBe(true);
    const { driver, calls } = fakeDriver(async () => {
      throw transient;
    });
    expect(await read(driver)).toEqual([{ id: '0001', checksum: 'abc' }]);
    expect(calls).toEqual({ run: 1, executeRead: 1 });
  });

  it('does not retry a failure of the statement itself', async () => {
    const wrong = new Neo4jError('bad syntax', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax');
    const { driver, calls } = fakeDriver(async () => {
      throw wrong;
    });
    await expect(read(driver)).rejects.toThrow();
    expect(calls).toEqual({ run: 1, executeRead: 0 });
  });
});
