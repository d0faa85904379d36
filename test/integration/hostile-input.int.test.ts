import { generateCase, HOSTILE_STRINGS, prng, type FuzzCase } from '../support/fuzz-cases';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../support/neo4j-instance';
import { rawDriver, startTestServer, type TestServer } from '../support/harness';
import type { Driver } from 'neo4j-driver';

// Hostile strings in every input field, then thousands of malformed or hostile requests at a live
// server over HTTP, on a Neo4j of its own so "the graph is unchanged" can be checked exactly.
// FUZZ_REQUESTS and FUZZ_SEED replay or extend the fuzzing.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 16;

/** Percent-encodes every UTF-8 byte (lone surrogates become U+FFFD, as a browser would send). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

async function snapshot(driver: Driver) {
  const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS n, sum(coalesce(n.revision, 0)) AS revisions');
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: nodes.records[0].get('n'), revisions: nodes.records[0].get('revisions'), relationships: rels.records[0].get('n') };
}

describe('hostile input on a live server', () => {
  let neo4j: ThrowawayNeo4j;
  let t: TestServer;
  let url: string;
  let driver: Driver;

  beforeAll(async () => {
    neo4j = await startThrowawayNeo4j();
    const target = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' };
    t = await startTestServer(target);
    url = await t.server.listen(0, '127.0.0.1');
    driver = rawDriver(target);
    // something to protect: a small graph the fuzzing must leave exactly as it is
    const seeded = await t.gql(`mutation {
      a: upsertDataset(input: {platform: "s3", name: "raw_events", tags: ["pii"]}) { urn }
      b: upsertDataset(input: {platform: "s3", name: "clean_events", upstreams: ["urn:li:dataset:(urn:li:dataPlatform:s3,raw_events,PROD)"]}) { urn }
    }`);
    expect(seeded.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await t?.close();
    await neo4j?.stop();
  });

  async function send(c: FuzzCase): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
    const res =
      c.method === 'GET'
        ? await fetch(`${url}?query=${percentEncode(c.query ?? '')}`, { headers })
        : await fetch(url, { method: 'POST', headers, body: c.body });
    return { status: res.status, text: await res.text() };
  }

  it('stores hostile strings verbatim or refuses them, and never lets them change a query', async () => {
    const before = await snapshot(driver);
    let created = 0;
    for (const [i, hostile] of HOSTILE_STRINGS.entries()) {
      const input = {
        platform: 'injection',
        name: `n${i}${hostile.slice(0, 200)}`,
        description: hostile.slice(0, 32_768),
        tags: [hostile.slice(0, 100) || 'empty'],
        owners: [{ id: hostile.slice(0, 255) || 'empty', type: 'TECHNICAL_OWNER' }],
        customProperties: [{ key: hostile.slice(0, 255) || 'empty', value: hostile.slice(0, 32_768) }],
      };
      const res = await t.gql(
        `mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn name description tags owners { id } customProperties { key value } } }`,
        { i: input },
      );
      if (res.errors) {
        // refused: a clear input error naming the field, and nothing written
        expect(res.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(String(res.errors[0].extensions?.field)).toMatch(/^input\./);
      } else {
        created++;
        const d = res.data!.upsertDataset;
        expect(d.name).toBe(input.name);
        expect(d.description).toBe(input.description);
        expect(d.tags).toEqual(input.tags);
        expect(d.owners).toEqual([{ id: input.owners[0].id }]);
        expect(d.customProperties).toEqual(input.customProperties);
        const again = await t.gql('query($u: ID!) { dataset(urn: $u) { name description } }', { u: d.urn });
        expect(again.data!.dataset).toEqual({ name: input.name, description: input.description });
      }
      // reads with the hostile string as a URN, search text or filter answer cleanly
      const reads = await t.gql(
        `query($s: String!, $u: ID!) {
          entity(urn: $u) { urn }
          search(query: $s, first: 5) { edges { node { urn } } }
          entities(filter: {tag: $s, namePrefix: $s}, first: 5) { edges { node { urn } } }
        }`,
        { s: hostile.slice(0, 400), u: hostile },
      );
      for (const e of reads.errors ?? []) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
      if (!reads.errors) expect(reads.data!.entity).toBeNull();
    }
    expect(created).toBeGreaterThan(HOSTILE_STRINGS.length / 2);
    const after = await snapshot(driver);
    // each stored dataset adds itself and one history record; nothing else changes
    expect(after).toEqual({ nodes: before.nodes + 2 * created, revisions: before.revisions + 2 * created, relationships: before.relationships });
  }, 300_000);

  it(`answers ${REQUESTS} hostile requests with clean errors, never crashes, and writes nothing`, async () => {
    const before = await snapshot(driver);
    const rand = prng(SEED);
    const cases = Array.from({ length: REQUESTS }, () => generateCase(rand));
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i];
        const { status, text } = await send(c);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        let clean = false;
        try {
          const body = JSON.parse(text);
          clean = Array.isArray(body.errors) ? body.errors.every((e: any) => typeof e.message === 'string') : 'data' in body;
        } catch {
          clean = false;
        }
        if (status >= 500 || !clean) failures.push(`#${i} ${c.kind} -> ${status} ${text.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures.slice(0, 10)).toEqual([]);
    expect([...byStatus.keys()].every((s) => s < 500)).toBe(true);
    expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
    expect(await snapshot(driver)).toEqual(before);
  }, 600_000);
});
