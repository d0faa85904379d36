import net from 'node:net';
import { coalesceBoltWrites } from '../../src/graph/bolt-writes';
import { rawDriver } from '../support/harness';

// The driver writes a Bolt message in 1,400-byte pieces; src/graph/bolt-writes.ts merges the pieces
// of one tick into one socket write. What goes over the wire must not change.

describe('Bolt writes on the real Neo4j', () => {
  const applied = coalesceBoltWrites();
  const driver = rawDriver();
  afterAll(() => driver.close());

  it("finds the driver's channel and merges its writes", () => {
    expect(applied).toBe(true);
  });

  it('sends a statement with 60 KB of parameters in one socket write, and Neo4j reads every byte of them', async () => {
    const values = Array.from({ length: 1_000 }, (_, i) => `urn:li:dataset:(urn:li:dataPlatform:hive,bolt.${i},PROD)`.padEnd(60, 'x'));
    const session = driver.session();
    try {
      await session.run('RETURN 1'); // the connection is open and idle
      const write = jest.spyOn(net.Socket.prototype, '_write');
      const writev = jest.spyOn(net.Socket.prototype, '_writev');
      try {
        const result = await session.run('RETURN size($values) AS n, reduce(s = 0, v IN $values | s + size(v)) AS chars, $values[999] AS last', { values });
        expect(result.records[0].toObject()).toEqual({ n: 1_000, chars: 60_000, last: values[999] });
        // Unmerged (the patch not applied), this statement took 45 socket writes.
        expect(write.mock.calls.length + writev.mock.calls.length).toBe(1);
      } finally {
        write.mockRestore();
        writev.mockRestore();
      }
    } finally {
      await session.close();
    }
  });

  it('keeps the order of messages written in one tick and across ticks of one transaction', async () => {
    const session = driver.session();
    try {
      const tx = session.beginTransaction();
      const big = 'y'.repeat(10_000);
      const [a, b] = await Promise.all([tx.run('CREATE (n:BoltWriteProbe {v: $v}) RETURN size(n.v) AS n', { v: big }), tx.run('MATCH (n:BoltWriteProbe) RETURN count(n) AS c')]);
      expect(a.records[0].get('n')).toBe(10_000);
      expect(b.records[0].get('c')).toBe(1);
      await tx.rollback();
    } finally {
      await session.close();
    }
  });
});
