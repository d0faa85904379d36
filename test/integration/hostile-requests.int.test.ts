import { HOSTILE_CASES, type ServerKind } from '../../bench/hostile/cases';
import { runCase } from '../../bench/hostile/run';
import { startHostileServer, type HostileServer } from '../../bench/hostile/setup';
import { buildServer } from '../../bench/server-process';
import { testNeo4j } from '../support/harness';

// Every class of hostile single request in bench/hostile/cases.ts, against the built server running
// as a process of its own (its memory and event loop are its own), on the real Neo4j: each is
// refused or answered within 2 s, the server's peak memory stays under 1 GiB, and another client's
// cheap read keeps answering within 500 ms meanwhile (see bench/hostile/run.ts). RELIABILITY.md,
// "Hostile single requests", has the numbers before and after. To cover a new class, add a case to
// the table in bench/hostile/cases.ts.
describe('hostile single requests against the built server', () => {
  const servers = new Map<ServerKind, HostileServer>();
  const serverFor = async (kind: ServerKind) => {
    let s = servers.get(kind);
    if (!s) {
      s = await startHostileServer(kind, testNeo4j(), 15_000);
      servers.set(kind, s);
    }
    return s;
  };

  beforeAll(() => buildServer(), 180_000);
  afterAll(async () => {
    for (const s of servers.values()) await s.process.stop();
  });

  it.each(HOSTILE_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const s = await serverFor(c.server);
    const result = await runCase(c, s.target, s.process, s.probeToken);
    expect({ case: c.id, problems: result.problems }).toEqual({ case: c.id, problems: [] });
  }, 90_000);
});
