import { runLoadScenario } from '../../bench/load-scenario';
import { localNeo4jBuilt } from '../../src/local/local-neo4j';

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
