import { migrate } from '../../src/graph';
import { rawDriver, startTestServer, testGraph, testLog, uniqueId } from '../support/harness';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../support/neo4j-instance';

// Migration 0008 drops and rebuilds the full-text index, so it runs on a Neo4j of its own: a search
// of another test file must never meet the index while it is rebuilt.
describe('the full-text index updated in the background (migration 0008)', () => {
  let neo4j: ThrowawayNeo4j;
  beforeAll(async () => {
    neo4j = await startThrowawayNeo4j();
  }, 180_000);
  afterAll(async () => neo4j?.stop());

  const SEARCH = `query ($q: String!) { search(query: $q) { totalCount edges { node { urn } } } }`;
  const INGEST = `mutation ($b: IngestBatchInput!) { ingest(batch: $b) { createdUrns } }`;
  const datasetUrn = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:test,${name},PROD)`;

  it('rebuilds an index kept at commit as eventually consistent, and a search still sees every write before it', async () => {
    const target = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' };
    const graph = testGraph(target);
    const driver = rawDriver(target);
    const word = `zq${uniqueId('').replace(/[^a-f]/g, 'x')}`;
    try {
      // A store as the release before 0008 left it: the index as 0002 creates it, an entity in it.
      await migrate(graph, testLog);
      await driver.executeQuery('DROP INDEX entity_search');
      await driver.executeQuery('CREATE FULLTEXT INDEX entity_search FOR (n:Entity) ON EACH [n.name, n.description, n.tags]');
      await driver.executeQuery("MATCH (m:MlgraphMigration {id: '0008_search_index_in_background'}) DELETE m");
      const old = datasetUrn(`${word}-old`);
      await driver.executeQuery(
        "CREATE (:Entity:Dataset {urn: $old, type: 'DATASET', status: 'ACTIVE', name: $name, platform: 'test', env: 'PROD', revision: 1})",
        { old, name: `${word}-old` },
      );
      const config = async () =>
        (await driver.executeQuery("SHOW INDEXES YIELD name, options WHERE name = 'entity_search' RETURN options")).records[0].get('options').indexConfig;
      expect(await config()).toMatchObject({ 'fulltext.eventually_consistent': false });

      expect(await migrate(graph, testLog)).toEqual(['0008_search_index_in_background']);
      expect(await config()).toMatchObject({ 'fulltext.eventually_consistent': true });
      expect(await migrate(graph, testLog)).toEqual([]);

      // Through the API: what was stored before is found, and each write is found by the next search.
      const t = await startTestServer(target);
      try {
        const found = async (q: string) => (await t.gql<any>(SEARCH, { q })).data!.search.edges.map((e: any) => e.node.urn);
        expect(await found(word)).toEqual([old]);
        for (let i = 0; i < 20; i++) {
          const mark = `${word}k${'abcdefghijklmnopqrst'[i]}`; // a word of its own for each write
          const name = `${word}-${mark}`;
          const res = await t.gql<any>(INGEST, { b: { datasets: [{ platform: 'test', name }] } });
          expect(res.errors).toBeUndefined();
          expect(await found(mark)).toEqual([datasetUrn(name)]);
        }
        const all = await t.gql<any>(SEARCH, { q: word });
        expect(all.data!.search.totalCount).toBe(21);
      } finally {
        await t.close();
      }
    } finally {
      await graph.close();
      await driver.close();
    }
  }, 240_000);
});
