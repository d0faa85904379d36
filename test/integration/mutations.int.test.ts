import { Role } from '../../src/auth/role';
import { uniqueId, type GqlResult } from '../support/harness';
import { useTestServer } from '../support/live-server';

// link/unlink, setModelAlias and setStatus through GraphQL, checked against what Neo4j stores.
// Every test makes its own names (uniqueId), so tests never see each other's data.

const M_LINK = `mutation ($from: ID!, $rel: RelationshipType!, $to: ID!) {
  link(from: $from, relationship: $rel, to: $to) { changed relationship from { urn revision } to { urn } }
}`;
const M_UNLINK = `mutation ($from: ID!, $rel: RelationshipType!, $to: ID!) {
  unlink(from: $from, relationship: $rel, to: $to) { changed relationship from { urn revision } to { urn } }
}`;
const M_ALIAS = `mutation ($group: ID!, $alias: String!, $model: ID!) {
  setModelAlias(group: $group, alias: $alias, model: $model) {
    alias changed group { urn } model { urn aliases revision } previousHolders { urn aliases revision }
  }
}`;
const M_STATUS = `mutation ($urn: ID!, $status: Status!, $reason: String) {
  setStatus(urn: $urn, status: $status, reason: $reason) { urn status statusReason revision }
}`;
const M_DATASET = `mutation ($input: UpsertDatasetInput!) { upsertDataset(input: $input) { urn } }`;
const M_GROUP = `mutation ($input: UpsertModelGroupInput!) { upsertModelGroup(input: $input) { urn } }`;
const M_MODEL = `mutation ($input: UpsertModelInput!) { upsertModel(input: $input) { urn revision } }`;
const M_RUN = `mutation ($input: UpsertTrainingRunInput!) { upsertTrainingRun(input: $input) { urn inputs { urn } } }`;
const Q_GROUP = `query ($urn: ID!) { modelGroup(urn: $urn) { aliases { alias model { urn } } models { urn } } }`;
const Q_MODEL = `query ($urn: ID!) { model(urn: $urn) { urn aliases revision groups { urn } } }`;

describe('link, unlink, setModelAlias and setStatus on the real Neo4j', () => {
  const t = useTestServer();
  const { ok, fails, raw } = t;

  const changes = (urn: string) =>
    raw<{ action: string; revision: number; reason: string | null; changes: string; at: string }>(
      'MATCH (c:Change {urn: $urn}) RETURN c.action AS action, c.revision AS revision, c.reason AS reason, c.changes AS changes, toString(c.at) AS at ORDER BY c.revision',
      { urn },
    );

  async function dataset(name = uniqueId('ds')): Promise<string> {
    return (await ok(M_DATASET, { input: { platform: 's3', name } })).upsertDataset.urn;
  }
  async function group(name = uniqueId('grp')): Promise<string> {
    return (await ok(M_GROUP, { input: { platform: 'mlflow', name } })).upsertModelGroup.urn;
  }
  async function model(groups?: string[], name = uniqueId('mdl')): Promise<string> {
    return (await ok(M_MODEL, { input: { platform: 'mlflow', name, groups } })).upsertModel.urn;
  }

  describe('link and unlink', () => {
    const edges = (from: string, to: string) =>
      raw<{ validFrom: string | null; validTo: string | null; source: string; closedBy: string | null }>(
        `MATCH (:Entity {urn: $from})-[r:MEMBER_OF]->(:Entity {urn: $to})
         RETURN toString(r.validFrom) AS validFrom, toString(r.validTo) AS validTo, r.source AS source, r.closedBy AS closedBy
         ORDER BY r.validFrom`,
        { from, to },
      );

    it('opens an edge once, closes it without deleting it, and opens a new one on relink', async () => {
      const g = await group();
      const m = await model();
      const vars = { from: m, rel: 'MEMBER_OF', to: g };

      const linked = (await ok(M_LINK, vars)).link;
      expect(linked).toMatchObject({ changed: true, relationship: 'MEMBER_OF', from: { urn: m, revision: 2 }, to: { urn: g } });
      expect((await ok(M_LINK, vars)).link).toMatchObject({ changed: false, from: { revision: 2 } });
      let stored = await edges(m, g);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ validTo: null, source: 'api' });
      expect((await ok(Q_MODEL, { urn: m })).model.groups).toEqual([{ urn: g }]);

      expect((await ok(M_UNLINK, vars)).unlink).toMatchObject({ changed: true, from: { revision: 3 } });
      expect((await ok(M_UNLINK, vars)).unlink).toMatchObject({ changed: false, from: { revision: 3 } });
      stored = await edges(m, g);
      expect(stored).toHaveLength(1); // closed, not deleted
      expect(stored[0].validTo).not.toBeNull();
      expect(stored[0].closedBy).toBe('anonymous');
      expect((await ok(Q_MODEL, { urn: m })).model.groups).toEqual([]);
      expect((await ok(Q_GROUP, { urn: g })).modelGroup.models).toEqual([]);

      expect((await ok(M_LINK, vars)).link).toMatchObject({ changed: true, from: { revision: 4 } });
      stored = await edges(m, g);
      expect(stored).toHaveLength(2);
      expect(stored.filter((e) => e.validTo === null)).toHaveLength(1);
      expect(stored[0].validTo).not.toBeNull(); // ordered by validFrom: the old edge is the closed one
      expect((await ok(Q_MODEL, { urn: m })).model.groups).toEqual([{ urn: g }]);

      // Every real change is in the model's history; the no-ops are not.
      const history = await changes(m);
      expect(history.map((h) => h.action)).toEqual(['CREATED', 'UPDATED', 'UPDATED', 'UPDATED']);
      expect(JSON.parse(history[2].changes)).toEqual([{ field: 'MEMBER_OF', old: g, new: null }]);
    });

    it('refuses an illegal combination with BAD_USER_INPUT naming the argument, writing nothing', async () => {
      const d = await dataset();
      const g = await group();
      const err = await fails(M_LINK, { from: d, rel: 'MEMBER_OF', to: g }, 'BAD_USER_INPUT');
      expect(err.extensions!.field).toBe('relationship');
      expect(err.message).toMatch(/MEMBER_OF cannot go from a DATASET to a MODEL_GROUP/);
      const [{ n }] = await raw<{ n: number }>('MATCH (:Entity {urn: $d})-[r]-() RETURN count(r) AS n', { d });
      expect(n).toBe(0);

      const bad = await fails(M_LINK, { from: 'urn:li:nothing:1', rel: 'MEMBER_OF', to: g }, 'BAD_USER_INPUT');
      expect(bad.extensions!.field).toBe('from');
    });

    it('fails with NOT_FOUND listing unknown URNs, and creates no node for them', async () => {
      const g = await group();
      const ghost = `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${uniqueId('ghost')},PROD)`;
      for (const m of [M_LINK, M_UNLINK]) {
        const err = await fails(m, { from: ghost, rel: 'MEMBER_OF', to: g }, 'NOT_FOUND');
        expect(err.extensions!.urns).toEqual([ghost]);
      }
      expect(await raw('MATCH (n {urn: $ghost}) RETURN n', { ghost })).toHaveLength(0);
    });
  });

  describe('setModelAlias', () => {
    it('moves an alias: the old holder loses it in the same transaction, both get a revision and history', async () => {
      const g = await group();
      const m1 = await model([g]);
      const m2 = await model([g]);

      const first = (await ok(M_ALIAS, { group: g, alias: 'champion', model: m1 })).setModelAlias;
      expect(first).toMatchObject({ changed: true, model: { urn: m1, aliases: ['champion'], revision: 2 }, previousHolders: [] });
      await ok(M_ALIAS, { group: g, alias: 'challenger', model: m2 });

      const moved = (await ok(M_ALIAS, { group: g, alias: 'champion', model: m2 })).setModelAlias;
      expect(moved).toMatchObject({
        alias: 'champion',
        changed: true,
        group: { urn: g },
        model: { urn: m2, aliases: ['challenger', 'champion'], revision: 3 },
        previousHolders: [{ urn: m1, aliases: [], revision: 3 }],
      });
      expect((await ok(Q_GROUP, { urn: g })).modelGroup.aliases).toEqual([
        { alias: 'challenger', model: { urn: m2 } },
        { alias: 'champion', model: { urn: m2 } },
      ]);

      // Both history records of the move carry the same transaction time.
      const [h1, h2] = [(await changes(m1)).at(-1)!, (await changes(m2)).at(-1)!];
      expect(h1.at).toBe(h2.at);
      expect(JSON.parse(h1.changes)).toEqual([{ field: 'aliases', old: ['champion'], new: [] }]);
      expect(JSON.parse(h2.changes)).toEqual([{ field: 'aliases', old: ['challenger'], new: ['challenger', 'champion'] }]);
      // Stored on the memberships, not on the model nodes.
      const stored = await raw<{ urn: string; aliases: string[]; onNode: string[] | null }>(
        `MATCH (m:Model)-[r:MEMBER_OF]->(:ModelGroup {urn: $g}) WHERE m.urn IN [$m1, $m2]
         RETURN m.urn AS urn, r.aliases AS aliases, m.aliases AS onNode ORDER BY urn`,
        { g, m1, m2 },
      );
      expect(Object.fromEntries(stored.map((s) => [s.urn, [s.aliases, s.onNode]]))).toEqual({
        [m1]: [[], null],
        [m2]: [['challenger', 'champion'], null],
      });

      // Setting it again changes nothing.
      const again = (await ok(M_ALIAS, { group: g, alias: 'champion', model: m2 })).setModelAlias;
      expect(again).toMatchObject({ changed: false, model: { revision: 3 }, previousHolders: [] });
    });

    it('keeps an alias to the membership that was given it: other groups of the holder never see it, leaving drops it', async () => {
      const [g1, g2] = [await group(), await group()];
      const m1 = await model([g1]);
      await ok(M_ALIAS, { group: g1, alias: 'champion', model: m1 });

      // m1 joins a second group: it holds nothing there, so another member can be champion of g2.
      await ok(M_LINK, { from: m1, rel: 'MEMBER_OF', to: g2 });
      expect((await ok(Q_GROUP, { urn: g2 })).modelGroup.aliases).toEqual([]);
      const m2 = await model([g2]);
      const inG2 = (await ok(M_ALIAS, { group: g2, alias: 'champion', model: m2 })).setModelAlias;
      expect(inG2).toMatchObject({ changed: true, previousHolders: [] });
      expect((await ok(Q_GROUP, { urn: g1 })).modelGroup.aliases).toEqual([{ alias: 'champion', model: { urn: m1 } }]);
      expect((await ok(Q_GROUP, { urn: g2 })).modelGroup.aliases).toEqual([{ alias: 'champion', model: { urn: m2 } }]);

      // The same alias in both of m1's groups shows once on the model.
      await ok(M_ALIAS, { group: g2, alias: 'champion', model: m1 });
      expect((await ok(Q_MODEL, { urn: m1 })).model.aliases).toEqual(['champion']);
      expect((await ok(Q_GROUP, { urn: g2 })).modelGroup.aliases).toEqual([{ alias: 'champion', model: { urn: m1 } }]);

      // Leaving g1 drops m1's alias there, and rejoining does not bring it back.
      await ok(M_UNLINK, { from: m1, rel: 'MEMBER_OF', to: g1 });
      expect((await ok(Q_GROUP, { urn: g1 })).modelGroup.aliases).toEqual([]);
      await ok(M_LINK, { from: m1, rel: 'MEMBER_OF', to: g1 });
      expect((await ok(Q_GROUP, { urn: g1 })).modelGroup.aliases).toEqual([]);
      expect((await ok(Q_MODEL, { urn: m1 })).model.aliases).toEqual(['champion']);
      await ok(M_UNLINK, { from: m1, rel: 'MEMBER_OF', to: g2 });
      expect((await ok(Q_MODEL, { urn: m1 })).model.aliases).toEqual([]);
    });

    it('removes an alias from its holder in one transaction, and modelByAlias finds the holder', async () => {
      const M_REMOVE = `mutation ($group: ID!, $alias: String!) {
        removeModelAlias(group: $group, alias: $alias) { alias changed group { urn } previousHolders { urn aliases revision } }
      }`;
      const Q_BY_ALIAS = `query ($group: ID!, $alias: String!) { modelByAlias(group: $group, alias: $alias) { urn } }`;
      const [g, other] = [await group(), await group()];
      const m1 = await model([g, other]);
      const m2 = await model([g]);
      await ok(M_ALIAS, { group: g, alias: 'champion', model: m1 });
      await ok(M_ALIAS, { group: g, alias: 'challenger', model: m2 });
      await ok(M_ALIAS, { group: other, alias: 'champion', model: m1 });
      expect((await ok(Q_BY_ALIAS, { group: g, alias: 'champion' })).modelByAlias).toEqual({ urn: m1 });
      expect((await ok(Q_BY_ALIAS, { group: g, alias: 'latest' })).modelByAlias).toBeNull();

      const removed = (await ok(M_REMOVE, { group: g, alias: 'champion' })).removeModelAlias;
      expect(removed).toEqual({ alias: 'champion', changed: true, group: { urn: g }, previousHolders: [{ urn: m1, aliases: ['champion'], revision: 4 }] });
      // m1 is still champion of the other group; g has only its challenger left.
      expect((await ok(Q_BY_ALIAS, { group: g, alias: 'champion' })).modelByAlias).toBeNull();
      expect((await ok(Q_BY_ALIAS, { group: other, alias: 'champion' })).modelByAlias).toEqual({ urn: m1 });
      expect((await ok(Q_GROUP, { urn: g })).modelGroup.aliases).toEqual([{ alias: 'challenger', model: { urn: m2 } }]);
      const last = (await changes(m1)).at(-1)!;
      expect([last.revision, last.reason, JSON.parse(last.changes)]).toEqual([4, `alias "champion" removed in ${g}`, [{ field: 'aliases', old: ['champion'], new: [] }]]);

      expect((await ok(M_REMOVE, { group: g, alias: 'champion' })).removeModelAlias).toMatchObject({ changed: false, previousHolders: [] });
      expect((await fails(M_REMOVE, { group: m1, alias: 'champion' }, 'BAD_USER_INPUT')).extensions!.field).toBe('group');
      expect((await fails(Q_BY_ALIAS, { group: g, alias: 'Champion' }, 'BAD_USER_INPUT')).extensions!.field).toBe('alias');
      const ghost = `urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,${uniqueId('ghost')},PROD)`;
      expect((await fails(M_REMOVE, { group: ghost, alias: 'champion' }, 'NOT_FOUND')).extensions!.urns).toEqual([ghost]);
    });

    it('requires the model to be an open member of the group, and a well-formed alias', async () => {
      const g = await group();
      const outsider = await model();
      const err = await fails(M_ALIAS, { group: g, alias: 'champion', model: outsider }, 'BAD_USER_INPUT');
      expect(err.extensions!.field).toBe('model');
      expect(err.message).toMatch(/not a member/);

      const member = await model([g]);
      await ok(M_UNLINK, { from: member, rel: 'MEMBER_OF', to: g });
      expect((await fails(M_ALIAS, { group: g, alias: 'champion', model: member }, 'BAD_USER_INPUT')).extensions!.field).toBe('model');

      for (const alias of ['Champion', '1st', 'a b', 'x'.repeat(65), '']) {
        expect((await fails(M_ALIAS, { group: g, alias, model: member }, 'BAD_USER_INPUT')).extensions!.field).toBe('alias');
      }
      expect((await fails(M_ALIAS, { group: member, alias: 'champion', model: member }, 'BAD_USER_INPUT')).extensions!.field).toBe('group');

      const ghost = `urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,${uniqueId('ghost')},PROD)`;
      expect((await fails(M_ALIAS, { group: ghost, alias: 'champion', model: member }, 'NOT_FOUND')).extensions!.urns).toEqual([ghost]);
      const stored = await raw<{ aliases: string[] | null }>('MATCH (m {urn: $u})-[r:MEMBER_OF]->() RETURN r.aliases AS aliases', { u: member });
      expect(stored).toEqual([{ aliases: null }]);
    });

    it('leaves exactly one holder when many clients move the same alias at once', async () => {
      const g = await group();
      const models = await Promise.all(Array.from({ length: 8 }, () => model([g])));
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all(models.map((m) => t.gql(M_ALIAS, { group: g, alias: 'champion', model: m })));
        expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
        const holders = await raw<{ urn: string }>(
          `MATCH (m:Model)-[r:MEMBER_OF]->(:ModelGroup {urn: $g}) WHERE r.validTo IS NULL AND 'champion' IN r.aliases
           RETURN m.urn AS urn`,
          { g },
        );
        expect(holders).toHaveLength(1);
        expect((await ok(Q_GROUP, { urn: g })).modelGroup.aliases).toEqual([{ alias: 'champion', model: { urn: holders[0].urn } }]);
      }
    });
  });

  describe('setStatus', () => {
    it('deprecates, archives and reactivates with reason, revision and STATUS_CHANGED history; same status is a no-op', async () => {
      const d = await dataset();
      const dep = (await ok(M_STATUS, { urn: d, status: 'DEPRECATED', reason: 'replaced by v2' })).setStatus;
      expect(dep).toEqual({ urn: d, status: 'DEPRECATED', statusReason: 'replaced by v2', revision: 2 });
      expect((await ok(M_STATUS, { urn: d, status: 'DEPRECATED', reason: 'again' })).setStatus).toMatchObject({
        statusReason: 'replaced by v2',
        revision: 2,
      });

      await ok(M_STATUS, { urn: d, status: 'ARCHIVED', reason: 'retention' });
      const archived = await ok(`query ($urn: ID!) { dataset(urn: $urn) { urn status statusReason } }`, { urn: d });
      expect(archived.dataset).toEqual({ urn: d, status: 'ARCHIVED', statusReason: 'retention' });

      const back = (await ok(M_STATUS, { urn: d, status: 'ACTIVE' })).setStatus;
      expect(back).toEqual({ urn: d, status: 'ACTIVE', statusReason: null, revision: 4 });

      const history = await changes(d);
      expect(history.map((h) => [h.action, h.revision, h.reason])).toEqual([
        ['CREATED', 1, null],
        ['STATUS_CHANGED', 2, 'replaced by v2'],
        ['STATUS_CHANGED', 3, 'retention'],
        ['STATUS_CHANGED', 4, null],
      ]);
      expect(JSON.parse(history[2].changes)).toEqual([
        { field: 'status', old: 'DEPRECATED', new: 'ARCHIVED' },
        { field: 'statusReason', old: 'replaced by v2', new: 'retention' },
      ]);
      expect(await raw('MATCH (n:Entity {urn: $d}) RETURN n', { d })).toHaveLength(1); // never deleted
    });

    it('refuses a training run with an ARCHIVED input and writes nothing; a DEPRECATED input warns', async () => {
      const archived = await dataset();
      const deprecated = await dataset();
      await ok(M_STATUS, { urn: archived, status: 'ARCHIVED' });
      await ok(M_STATUS, { urn: deprecated, status: 'DEPRECATED' });

      const refusedId = uniqueId('run');
      const err = await fails(M_RUN, { input: { id: refusedId, name: 'train', inputs: [deprecated, archived] } }, 'BAD_USER_INPUT');
      expect(err.extensions!.field).toBe('input.inputs');
      expect(err.extensions!.urn).toBe(archived);
      expect(await raw('MATCH (n {urn: $u}) RETURN n', { u: `urn:li:dataProcessInstance:${refusedId}` })).toHaveLength(0);
      expect(await raw('MATCH (:Entity {urn: $d})-[r]-() RETURN r', { d: deprecated })).toHaveLength(0);

      const res = await t.gql(M_RUN, { input: { id: uniqueId('run'), name: 'train', inputs: [deprecated] } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.upsertTrainingRun.inputs).toEqual([{ urn: deprecated }]);
      expect(res.extensions?.warnings).toEqual([
        expect.objectContaining({ code: 'DEPRECATED_REFERENCE', field: 'input.inputs', message: expect.stringContaining(deprecated) }),
      ]);

      // A single link to an archived entity is refused the same way.
      const m = await model();
      expect((await fails(M_LINK, { from: m, rel: 'TRAINED_ON', to: archived }, 'BAD_USER_INPUT')).message).toMatch(/ARCHIVED/);
    });

    it('fails with NOT_FOUND for an unknown URN and leaves no node behind', async () => {
      const ghost = `urn:li:dataset:(urn:li:dataPlatform:s3,${uniqueId('ghost')},PROD)`;
      expect((await fails(M_STATUS, { urn: ghost, status: 'ARCHIVED' }, 'NOT_FOUND')).extensions!.urns).toEqual([ghost]);
      expect(await raw('MATCH (n {urn: $ghost}) RETURN n', { ghost })).toHaveLength(0);
    });

    it('lets only ADMIN leave ARCHIVED or change an archived entity; a WRITER gets FORBIDDEN naming it and writes nothing', async () => {
      const principal = { name: 'ci-pipeline', role: Role.WRITER, anonymous: false };
      const asWriter = async (query: string, variables: Record<string, unknown>) => {
        const contextValue = t.server.contextFor(undefined, principal);
        const response = await t.server.apollo.executeOperation({ query, variables }, { contextValue });
        return (response.body as { kind: 'single'; singleResult: GqlResult }).singleResult;
      };
      const archived = await dataset();
      const other = await dataset();
      const run = (await ok(M_RUN, { input: { id: uniqueId('run'), name: 'r', inputs: [archived, other] } })).upsertTrainingRun.urn;
      const g = await group();
      const holder = await model([g]);
      await ok(M_ALIAS, { group: g, alias: 'champion', model: holder });
      const challenger = await model([g]);
      await ok(M_STATUS, { urn: archived, status: 'ARCHIVED', reason: 'retention' });
      await ok(M_STATUS, { urn: holder, status: 'ARCHIVED', reason: 'retired' });
      const stored = async () => ({
        archived: (await raw('MATCH (n:Entity {urn: $u}) RETURN n.revision AS r, n.status AS s, n.description AS d', { u: archived }))[0],
        holder: (await raw('MATCH (n:Entity {urn: $u}) RETURN n.revision AS r', { u: holder }))[0],
        openInputs: (await raw('MATCH (:Entity {urn: $u})-[r:INPUT_OF]->() WHERE r.validTo IS NULL RETURN count(r) AS n', { u: archived }))[0].n,
        changes: (await raw('MATCH (c:Change) WHERE c.urn IN [$a, $h, $run] RETURN count(c) AS n', { a: archived, h: holder, run }))[0].n,
      });
      const before = await stored();
      expect(before.archived).toMatchObject({ s: 'ARCHIVED', d: null });

      const refusals: [string, string, Record<string, unknown>][] = [
        ['reactivate', M_STATUS, { urn: archived, status: 'ACTIVE' }],
        ['deprecate', M_STATUS, { urn: archived, status: 'DEPRECATED' }],
        ['upsert', M_DATASET, { input: { platform: 's3', name: archived.split(',')[1], description: 'edited' } }],
        ['ingest', `mutation ($b: IngestBatchInput!) { ingest(batch: $b) { updated } }`, { b: { datasets: [{ platform: 's3', name: archived.split(',')[1], tags: ['x'] }] } }],
        ['unlink', M_UNLINK, { from: archived, rel: 'INPUT_OF', to: run }],
        ['relationship set', M_RUN, { input: { id: run.split(':').pop(), name: 'r', inputs: [other] } }],
        ['alias move', M_ALIAS, { group: g, alias: 'champion', model: challenger }],
      ];
      for (const [what, query, variables] of refusals) {
        const res = await asWriter(query, variables);
        expect({ what, code: res.errors?.[0]?.extensions?.code }).toEqual({ what, code: 'FORBIDDEN' });
        expect(res.errors![0].message).toContain(what === 'alias move' ? holder : archived);
        expect(res.errors![0].message).toMatch(/ADMIN/);
      }
      expect(await stored()).toEqual(before);

      // Resending what is stored changes nothing and is allowed (CI pipelines resend whole batches).
      const same = await asWriter(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { unchanged } }`, {
        b: { datasets: [{ platform: 's3', name: archived.split(',')[1] }] },
      });
      expect(same.errors).toBeUndefined();
      expect(same.data!.ingest.unchanged).toBe(1);

      // An ADMIN may (the default test caller is one).
      expect((await ok(M_UNLINK, { from: archived, rel: 'INPUT_OF', to: run })).unlink.changed).toBe(true);
      expect((await ok(M_STATUS, { urn: archived, status: 'ACTIVE' })).setStatus.status).toBe('ACTIVE');
      expect((await ok(M_ALIAS, { group: g, alias: 'champion', model: challenger })).setModelAlias.previousHolders).toEqual([
        expect.objectContaining({ urn: holder }),
      ]);
    });

    it('lets only ADMIN archive; a WRITER may deprecate', async () => {
      const d = await dataset();
      const asWriter = async (status: string) => {
        const contextValue = t.server.contextFor(undefined, { name: 'ci-pipeline', role: Role.WRITER, anonymous: false });
        const response = await t.server.apollo.executeOperation({ query: M_STATUS, variables: { urn: d, status } }, { contextValue });
        return (response.body as { kind: 'single'; singleResult: GqlResult }).singleResult;
      };
      expect((await asWriter('ARCHIVED')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await ok(`query ($urn: ID!) { dataset(urn: $urn) { status } }`, { urn: d })).dataset.status).toBe('ACTIVE');
      const deprecated = await asWriter('DEPRECATED');
      expect(deprecated.errors).toBeUndefined();
      expect(deprecated.data!.setStatus.status).toBe('DEPRECATED');
    });
  });
});
