import { runLoadScenario } from '../../bench/load-scenario';
import { buildServer } from '../../bench/server-process';
import { localNeo4jBuilt } from '../../src/local/local-neo4j';
import { testNeo4j } from '../support/harness';

// A shortened form of the load runs in BENCHMARKS.md / RELIABILITY.md: a few seconds of mixed
// reads and writes from 10 clients, with Neo4j restarted a quarter of the way in. Needs the local Neo4j.
const describeLocal = localNeo4jBuilt() ? describe : describe.skip;

describeLocal('mixed load with a Neo4j restart in the middle', () => {
  it('keeps every acknowledged write exactly once, answers cleanly, and recovers', async () => {
    const report = await runLoadScenario({ connections: 10, durationSec: 24, restart: true, server: 'inprocess', chains: 30, batchSize: 5 });
    const c = report.consistency;
    if (process.env.LOAD_REPORT) console.log(JSON.stringify(report, null, 2));
    expect(report.uncleanResponses).toBe(0);
    expect(c.acknowledgedWrites).toBeGreaterThan(0);
    expect(c.acknowledgedMissing).toBe(0);
    expect(c.duplicates).toBe(0);
    expect(c.partialBatches).toBe(0);
    // while Neo4j was away, requests failed with UNAVAILABLE (or TIMEOUT), nothing else
    const codes = Object.keys(report.errorCodes).filter((k) => k !== 'none');
    expect(codes.every((k) => k === 'UNAVAILABLE' || k === 'TIMEOUT')).toBe(true);
    expect(report.errorCodes.none).toBeGreaterThan(0);
    // and service resumed by itself once Neo4j was back: a plain read answers without any help
    // (checked after the load, so a slow restart on a busy machine cannot end the run first)
    expect(report.neo4jBackAtSec).toBeDefined();
    expect(report.cleanReadAfterLoadSec).toBeDefined();
  }, 240_000);
});

// The attacker of RELIABILITY.md's "The 50-client load with an attacker", shortened: 10 clients for
// 10 s on the tests' Neo4j, the built server with tokens, and one client sending the hostile cases
// of bench/hostile/cases.ts in a loop. Latency is not asserted (a busy machine makes a 10 s p99
// meaningless); errors and the answers to the attacks are.
describe('mixed load beside one attacker sending the hostile cases', () => {
  beforeAll(() => buildServer(), 180_000);

  it('answers every normal client cleanly and refuses every attack as its case says', async () => {
    const report = await runLoadScenario({ connections: 10, durationSec: 10, restart: false, server: 'child', attacker: true, neo4j: testNeo4j(), chains: 30, batchSize: 5 });
    if (process.env.LOAD_REPORT) console.log(JSON.stringify(report, null, 2));
    expect(Object.keys(report.errorCodes)).toEqual(['none']);
    expect(report.uncleanResponses).toBe(0);
    expect(report.consistency.acknowledgedMissing).toBe(0);
    expect(report.consistency.duplicates).toBe(0);
    const attacker = report.attacker!;
    expect(attacker.sent).toBeGreaterThan(0);
    const wrong = attacker.cases.filter((c) => Object.keys(c.problems).length).map((c) => ({ id: c.id, problems: c.problems }));
    expect(wrong).toEqual([]);
  }, 180_000);
});
