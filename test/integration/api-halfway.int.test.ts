import { Env } from '../../src/model/env';
import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// What a person at a terminal or the explorer meets when a URN or a value is not quite right:
// errors that say what was expected, a URN builder, and history on the entity itself.

const t = useTestServer();
const { ok, fails } = t;

const UPSERT = `mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }`;
const DATASET_FORMAT = 'urn:li:dataset:(urn:li:dataPlatform:<platform>,<name>,<env>)';

describe('a malformed URN in a read', () => {
  const lowercaseEnv = 'urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,prod)';

  it.each([
    ['entity', `query($u: ID!) { entity(urn: $u) { urn } }`],
    ['dataset', `query($u: ID!) { dataset(urn: $u) { urn } }`],
    ['history', `query($u: ID!) { history(urn: $u) { totalCount } }`],
    ['lineage', `query($u: ID!) { lineage(urn: $u, direction: UPSTREAM) { total } }`],
    ['impact', `query($u: ID!) { impact(urn: $u) { total } }`],
    ['lineageGraph', `query($u: ID!) { lineageGraph(urn: $u) { nodes { degree } } }`],
  ])('%s: BAD_USER_INPUT on urn, naming the format and the wrong part', async (_name, query) => {
    const err = await fails(query, { u: lowercaseEnv }, 'BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('urn');
    expect(err.message).toContain(DATASET_FORMAT);
    expect(err.message).toContain('its env part is "prod"');
  });

  it('names the general shape for text that is no URN, and null stays for a well-formed unknown URN', async () => {
    const err = await fails(`query($u: ID!) { entity(urn: $u) { urn } }`, { u: 'raw.customers' }, 'BAD_USER_INPUT');
    expect(err.message).toMatch(/^"raw.customers" is not a URN: mlgraph's URNs are urn:li:<entity>:<key>, e\.g\. /);
    const unknown = `urn:li:dataset:(urn:li:dataPlatform:s3,${uniqueId('nothing')},PROD)`;
    expect(await ok(`query($u: ID!) { entity(urn: $u) { urn } }`, { u: unknown })).toEqual({ entity: null });
  });

  it('a typed getter asked for a URN of another type reads null, as it always has', async () => {
    expect(await ok(`query($u: ID!) { dataset(urn: $u) { urn } }`, { u: 'urn:li:mlFeature:(fraud,amount_zscore)' })).toEqual({ dataset: null });
  });

  it('a write names the field and the wrong part', async () => {
    const err = await fails(
      `mutation($f: ID!, $t: ID!) { link(from: $f, relationship: DERIVED_FROM, to: $t) { changed } }`,
      { f: 'urn:li:dataset:(snowflake,a,PROD)', t: 'urn:li:dataset:(urn:li:dataPlatform:s3,b,PROD)' },
      'BAD_USER_INPUT',
    );
    expect(err.extensions?.field).toBe('from');
    expect(err.message).toContain('its platform part is "snowflake": it must be urn:li:dataPlatform:<platform>');
  });
});

describe('urn(type, parts)', () => {
  it('builds the URN an upsert stores, with the entity under it', async () => {
    const name = uniqueId('halfway.sessions');
    const { upsertDataset } = await ok(UPSERT, { i: { platform: 'snowflake', name, env: 'DEV' } });
    const { urn } = await ok(`query($p: UrnPartsInput!) { urn(type: DATASET, parts: $p) { urn type format entity { urn name } } }`, {
      p: { platform: 'snowflake', name, env: 'DEV' },
    });
    expect(urn).toEqual({ urn: upsertDataset.urn, type: 'DATASET', format: DATASET_FORMAT, entity: { urn: upsertDataset.urn, name } });
  });

  it('defaults env to PROD and gives null for an entity not stored yet', async () => {
    const { urn } = await ok(`{ urn(type: FEATURE, parts: { namespace: "fraud", name: "not_yet" }) { urn entity { urn } } }`);
    expect(urn).toEqual({ urn: 'urn:li:mlFeature:(fraud,not_yet)', entity: null });
    const ds = await ok(`{ urn(type: DATASET, parts: { platform: "s3", name: "raw.x" }) { urn } }`);
    expect(ds.urn.urn).toBe(`urn:li:dataset:(urn:li:dataPlatform:s3,raw.x,${Env.PROD})`);
  });

  it('names a missing part, a malformed one and one the type does not have', async () => {
    const missing = await fails(`{ urn(type: DATASET, parts: { platform: "s3" }) { urn } }`, {}, 'BAD_USER_INPUT');
    expect([missing.extensions?.field, missing.message]).toEqual(['parts.name', `name is required (DATASET URNs are ${DATASET_FORMAT})`]);
    const bad = await fails(`{ urn(type: DATASET, parts: { platform: "s3", name: "a,b" }) { urn } }`, {}, 'BAD_USER_INPUT');
    expect(bad.extensions?.field).toBe('parts.name');
    const foreign = await fails(`{ urn(type: FEATURE, parts: { namespace: "n", name: "a", platform: "s3" }) { urn } }`, {}, 'BAD_USER_INPUT');
    expect([foreign.extensions?.field, foreign.message]).toEqual([
      'parts.platform',
      'FEATURE URNs (urn:li:mlFeature:(<namespace>,<name>)) have no platform part; their parts are namespace, name',
    ]);
  });
});

describe('history on the entity', () => {
  it('is the top-level history of the same URN, page by page', async () => {
    const name = uniqueId('halfway.history');
    const first = await ok(UPSERT, { i: { platform: 's3', name, description: 'one' } });
    await ok(UPSERT, { i: { platform: 's3', name, description: 'two' } });
    await ok(UPSERT, { i: { platform: 's3', name, description: 'three' } });
    const urn = first.upsertDataset.urn;
    const PAGE = `{ totalCount pageInfo { hasNextPage endCursor } edges { node { revision changes { field old new } } } }`;
    const top = await ok(`query($u: ID!) { history(urn: $u, first: 2) ${PAGE} }`, { u: urn });
    const own = await ok(`query($u: ID!) { dataset(urn: $u) { history(first: 2) ${PAGE} } }`, { u: urn });
    expect(own.dataset.history).toEqual(top.history);
    expect(own.dataset.history.totalCount).toBe(3);
    const rest = await ok(`query($u: ID!, $a: String) { entity(urn: $u) { history(first: 2, after: $a) ${PAGE} } }`, {
      u: urn,
      a: own.dataset.history.pageInfo.endCursor,
    });
    expect(rest.entity.history.edges.map((e: any) => e.node.changes.find((c: any) => c.field === 'description')?.new)).toEqual(['one']);
  });
});

describe('a value outside an enum', () => {
  it('lists the valid values and names the field, in a literal and in a variable', async () => {
    const literal = await fails(`{ entities(filter: { types: [DATASETS] }) { totalCount } }`, {}, 'GRAPHQL_VALIDATION_FAILED');
    expect(literal.message).toMatch(/Valid values: DATASET, FEATURE, /);
    expect(literal.extensions?.field).toBe('filter.types.0');
    const variable = await fails(UPSERT, { i: { platform: 's3', name: uniqueId('enum'), env: 'prod' } }, 'BAD_USER_INPUT');
    expect([variable.extensions?.field, variable.extensions?.validValues]).toEqual(['i.env', Object.values(Env)]);
    expect(variable.message).toContain(`Valid values: ${Object.values(Env).join(', ')}.`);
  });
});
