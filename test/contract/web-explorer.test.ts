import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  validate,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../../src/config';
import { estimateCost } from '../../src/limits/cost';
import { LINEAGE_STEPS } from '../../src/modules/lineage/lineage-steps';
import { createSchema } from '../../src/schema';
import * as queries from '../../web/src/api/queries';
import { KNOWN_TYPES } from '../../web/src/lib/entity-types';
import { ciGateQuery, impactQuery } from '../../web/src/lib/impact';
import { FLOW } from '../../web/src/lib/lineage-flow';

// The explorer (web/) talks to the API through the texts of web/src/api/queries.ts. They must stay
// valid against the committed SDL, stay read-only, and share the server's tables.
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const entity = schema.getType('Entity');
const entityTypes = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && isInterfaceType(entity) && t.getInterfaces().includes(entity),
);
const unwrap = (t: GraphQLOutputType): GraphQLOutputType => (isNonNullType(t) ? t.ofType : t);
const isEntityValued = (t: GraphQLOutputType) => {
  const named = getNamedType(t);
  return named === entity || entityTypes.includes(named as GraphQLObjectType);
};

/** Relationship fields: Entity-valued fields of an entity type (a list or a single one). */
function relationFields(type: GraphQLObjectType) {
  return Object.values(type.getFields())
    .filter((f) => isEntityValued(f.type))
    .map((f) => ({ field: f.name, single: !isListType(unwrap(f.type)) }));
}

function expectValidQuery(name: string, text: string) {
  const doc = parse(text);
  const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  expect([name, operations.map((o) => o.operation)]).toEqual([name, ['query']]);
  expect([name, validate(schema, doc).map((e) => e.message)]).toEqual([name, []]);
}

describe('web explorer queries', () => {
  it('are valid queries (never mutations) against schema/schema.graphql', () => {
    const fixed = Object.entries(queries).filter(([, v]) => typeof v === 'string') as [string, string][];
    expect(fixed.map(([k]) => k).sort()).toEqual(['BROWSE', 'ENTITY', 'HISTORY', 'LINEAGE_GRAPH', 'SEARCH']);
    for (const [name, text] of fixed) expectValidQuery(name, text);
    expectValidQuery('typeCountsQuery', queries.typeCountsQuery(KNOWN_TYPES));
    expectValidQuery('impactQuery', impactQuery({ urn: 'u', types: ['MODEL'], asOf: '2024-01-01T00:00:00Z', maxDepth: 3 }).query);
    expectValidQuery('ciGateQuery', ciGateQuery({ urn: 'u', types: ['MODEL'] }).query);
    expectValidQuery('impactQuery (columns)', impactQuery({ urn: 'u', columns: ['c'] }).query);
    expectValidQuery('ciGateQuery (columns)', ciGateQuery({ urn: 'u', columns: ['c'] }).query);
  });

  it('build a valid tab query for every relationship field of every entity type', () => {
    let count = 0;
    for (const type of entityTypes) {
      for (const { field } of relationFields(type)) {
        expectValidQuery(`${type.name}.${field}`, queries.relationQuery(type.name, field).query);
        count += 1;
      }
    }
    expect(count).toBeGreaterThanOrEqual(25);
  });

  it('know exactly which relationship fields hold a single entity', () => {
    const fromSchema: Record<string, string[]> = {};
    for (const type of entityTypes) {
      const single = relationFields(type).filter((f) => f.single).map((f) => f.field);
      if (single.length) fromSchema[type.name] = single.sort();
    }
    const declared = Object.fromEntries(Object.entries(queries.SINGLE_RELATION_FIELDS).map(([k, v]) => [k, [...v].sort()]));
    expect(declared).toEqual(fromSchema);
  });
});

describe('web explorer queries against the cost model', () => {
  // The explorer's largest questions, with the largest variables it sends, must fit the server's
  // default MAX_QUERY_COST: a page the explorer cannot load is a page nobody sees.
  it('fit under the default MAX_QUERY_COST', async () => {
    const served = await createSchema();
    const cost = (text: string, variables: Record<string, unknown>) => estimateCost(served, parse(text), variables);
    const impact = impactQuery({ urn: 'u', types: ['MODEL'] });
    const columnImpact = impactQuery({ urn: 'u', columns: ['c'] });
    const asked = {
      impact: cost(impact.query, { ...impact.variables, after: null }),
      columnImpact: cost(columnImpact.query, { ...columnImpact.variables, after: null }),
      lineageGraph: cost(queries.LINEAGE_GRAPH, { urn: 'u', upstreamDepth: 10, downstreamDepth: 10, maxNodes: 500 }),
      entity: cost(queries.ENTITY, { urn: 'u' }),
      browse: cost(queries.BROWSE, { first: 25 }),
      typeCounts: cost(queries.typeCountsQuery(KNOWN_TYPES), {}),
    };
    for (const [name, value] of Object.entries(asked)) expect([name, value <= DEFAULT_QUERY_LIMITS.maxCost]).toEqual([name, true]);
    expect(impact.variables.first).toBeGreaterThanOrEqual(100);
  });
});

describe('web explorer tables', () => {
  it('draw lineage edges in the direction the server walks them', () => {
    expect(FLOW).toEqual(LINEAGE_STEPS);
  });

  it('style only entity types the API has', () => {
    const values = (schema.getType('EntityType') as any).getValues().map((v: { name: string }) => v.name);
    for (const type of KNOWN_TYPES) expect(values).toContain(type);
  });
});
