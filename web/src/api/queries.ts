/**
 * Every operation the explorer sends. All are queries: the explorer never writes (a contract test
 * parses each one and validates it against schema/schema.graphql). Values always travel as
 * variables; the only text built at run time is a relationship field name the server itself
 * reported in relationCounts, checked to be a GraphQL name first.
 */

const REF = `fragment Ref on Entity { urn type name status }`;



export const SEARCH = `query Search($query: String!, $types: [EntityType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { score node { ...Ref description tags } }
  }
}
${REF}`;

export const BROWSE = `query Browse($filter: EntityFilter, $first: Int, $after: String) {
  entities(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...Ref description tags owners { id } ... on Dataset { platform env } ... on Model { platform env version } ... on ModelGroup { platform env } ... on Deployment { platform env } ... on FeatureTable { platform } } }
  }
}
${REF}`;

export const ENTITY = `query EntityPage($urn: ID!) {
  entity(urn: $urn) {
    __typename
    ...Ref
    description
    statusReason
    tags
    owners { id type }
    customProperties { key value }
    externalUrl
    createdAt
    createdBy
    updatedAt
    updatedBy
    revision
    relationCounts { field relationship count }
    ... on Dataset {
      platform env uri version format
      columns(first: 1000) { urn fieldPath type description downstream { columns datasets features models } }
    }
    ... on Feature { namespace dataType featureAlgorithm version }
    ... on FeatureTable { platform primaryKeys }
    ... on ModelGroup {
      platform env
      groupAliases: aliases { alias model { ...Ref version } }
      latestVersion { ...Ref version }
      versions(first: 100) { ...Ref version aliases createdAt }
    }
    ... on Model {
      platform env version modelType license aliases artifactUri dockerImage endpointUrl
      framework { name version }
      hyperParams { name value description }
      trainingMetrics { name value description }
      onlineMetrics { name value description }
      modelMetrics: metrics { name value step timestamp dataset slice }
      intendedUse { primaryUses primaryUsers outOfScopeUses }
      factorPrompts { relevantFactors { groups instrumentation environment } evaluationFactors { groups instrumentation environment } }
      metricsDescription { performanceMeasures decisionThreshold variationApproaches }
      trainingData { dataset motivation preProcessing }
      evaluationData { dataset motivation preProcessing }
      quantitativeAnalyses { unitaryResults intersectionalResults }
      ethics { data humanLife mitigations risksAndHarms useCases }
      caveatsAndRecommendations { caveats { caveatDescription needsFurtherTesting groupsNotRepresented } recommendations idealDatasetCharacteristics }
      ethicalConsiderations
      caveats
      sourceCode { type url }
      groups(first: 10) { ...Ref }
    }
    ... on Experiment { id }
    ... on Run {
      id runType startedAt endedAt runStatus codeRepository codeCommit dockerImage
      hyperParams { name value description }
      metrics { name value description }
    }
    ... on Deployment { platform env version deploymentStatus endpointUrl }
  }
}
${REF}`;

export const HISTORY = `query History($urn: ID!, $first: Int, $after: String) {
  history(urn: $urn, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { revision at actor action reason source changes { field old new } } }
  }
}`;

export const LINEAGE_GRAPH = `query LineageGraph($urn: ID!, $upstreamDepth: Int!, $downstreamDepth: Int!, $asOf: DateTime, $maxNodes: Int!) {
  lineageGraph(urn: $urn, upstreamDepth: $upstreamDepth, downstreamDepth: $downstreamDepth, asOf: $asOf, maxNodes: $maxNodes) {
    isPartial
    partialReason
    root { ...Ref }
    nodes { direction degree entity { ...Ref } }
    edges { from { urn } relationship to { urn } }
  }
}
${REF}`;

/**
 * Relationship fields that hold at most one entity (no first/after), by GraphQL type name. A
 * contract test derives the same list from the schema, so a new one cannot be forgotten here.
 */
export const SINGLE_RELATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Job: ['pipeline'],
  ModelGroup: ['latestVersion'],
  Run: ['experiment', 'parentRun', 'job'],
};

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The query for one relationship tab: `field` of the entity (a name from its relationCounts) on
 * its GraphQL type, paged by URN when it is a list. Throws on a name that is not a GraphQL name.
 */
export function relationQuery(typename: string, field: string): { query: string; paged: boolean } {
  if (!NAME.test(typename) || !NAME.test(field)) throw new Error(`not a GraphQL name: ${typename}.${field}`);
  const paged = !SINGLE_RELATION_FIELDS[typename]?.includes(field);
  const vars = paged ? '$urn: ID!, $first: Int, $after: String' : '$urn: ID!';
  const args = paged ? '(first: $first, after: $after)' : '';
  return {
    paged,
    query: `query Relation(${vars}) {\n  entity(urn: $urn) {\n    urn\n    ... on ${typename} { items: ${field}${args} { ...Ref } }\n  }\n}\n${REF}`,
  };
}

/** The home page's count per entity type, one aliased `entities(first: 0)` per type of the table. */
export function typeCountsQuery(types: readonly string[]): string {
  const fields = types
    .filter((t) => /^[A-Z][A-Z0-9_]*$/.test(t))
    .map((t) => `  ${t}: entities(filter: { types: [${t}] }, first: 0) { totalCount }`);
  return `query TypeCounts {\n${fields.join('\n')}\n}`;
}
