// The peer of the side-by-side benchmark: @neo4j/graphql 7.6 over the graph mlgraph stores, with
// type definitions written as its documentation suggests (one @node type per label, @relationship
// fields from both ends, impact as a @cypher field with a path pattern). It reads what mlgraph
// stores: nested values are JSON text (String here), edges carry validFrom/validTo, and its impact
// walks only open edges through ACTIVE and DEPRECATED entities, as mlgraph's does, so both servers
// give the same answers. Used by bench/peer.ts only; not part of mlgraph.
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';

/** Fields every stored entity has (see src/model/entity-fields.ts); JSON text stays text. */
const COMMON = `
  urn: ID!
  type: String!
  name: String!
  description: String
  status: String!
  statusReason: String
  tags: [String!]
  owners: String
  customProperties: String
  externalUrl: String
  createdAt: DateTime!
  updatedAt: DateTime!
  createdBy: String!
  updatedBy: String!
  revision: Int!`;

/**
 * Downstream impact as one Cypher path pattern: a quantified path whose every step follows a
 * lineage relationship in its downstream direction (mlgraph's LINEAGE_STEPS), over open edges,
 * into entities whose status is walked by default. DISTINCT end nodes: each entity once.
 */
export const PEER_IMPACT_CYPHER = `
MATCH (this)((a)-[r]-(b)
  WHERE r.validTo IS NULL AND b.status IN ['ACTIVE', 'DEPRECATED']
    AND ((startNode(r) = a AND type(r) IN ['CONTAINS', 'DEPLOYED_TO', 'INPUT_OF', 'MEMBER_OF'])
      OR (endNode(r) = a AND type(r) IN ['CONSUMES', 'DERIVED_FROM', 'EVALUATED_ON', 'OUTPUT_OF', 'TRAINED_BY', 'TRAINED_ON'])))+(m)
WHERE m <> this AND m.type IN $types
RETURN DISTINCT m`;

const impact = `impact(types: [String!]!): [Entity!]! @cypher(statement: """${PEER_IMPACT_CYPHER}""", columnName: "m")`;

export const PEER_TYPE_DEFS = `
interface Entity {
  urn: ID!
  type: String!
  name: String!
}

type Dataset implements Entity @node {${COMMON}
  platform: String!
  env: String!
  uri: String
  version: String
  format: String
  schemaFields: String
  upstreams: [Dataset!]! @relationship(type: "DERIVED_FROM", direction: OUT)
  downstreams: [Dataset!]! @relationship(type: "DERIVED_FROM", direction: IN)
  derivedFeatures: [Feature!]! @relationship(type: "DERIVED_FROM", direction: IN)
  inputOf: [TrainingRun!]! @relationship(type: "INPUT_OF", direction: OUT)
  outputOf: [TrainingRun!]! @relationship(type: "OUTPUT_OF", direction: OUT)
  trainedModels: [Model!]! @relationship(type: "TRAINED_ON", direction: IN)
  evaluatedModels: [Model!]! @relationship(type: "EVALUATED_ON", direction: IN)
  ${impact}
}

type Feature implements Entity @node {${COMMON}
  namespace: String!
  dataType: String
  featureAlgorithm: String
  version: String
  sources: [Dataset!]! @relationship(type: "DERIVED_FROM", direction: OUT)
  featureTables: [FeatureTable!]! @relationship(type: "CONTAINS", direction: IN)
  models: [Model!]! @relationship(type: "CONSUMES", direction: IN)
  ${impact}
}

type FeatureTable implements Entity @node {${COMMON}
  platform: String!
  primaryKeys: [String!]
  features: [Feature!]! @relationship(type: "CONTAINS", direction: OUT)
}

type ModelGroup implements Entity @node {${COMMON}
  platform: String!
  env: String!
  models: [Model!]! @relationship(type: "MEMBER_OF", direction: IN)
}

type Model implements Entity @node {${COMMON}
  platform: String!
  env: String!
  version: String
  modelType: String
  framework: String
  hyperParams: String
  trainingMetrics: String
  onlineMetrics: String
  intendedUse: String
  ethicalConsiderations: String
  caveats: String
  sourceCode: String
  artifactUri: String
  dockerImage: String
  endpointUrl: String
  license: String
  groups: [ModelGroup!]! @relationship(type: "MEMBER_OF", direction: OUT)
  features: [Feature!]! @relationship(type: "CONSUMES", direction: OUT)
  trainingRuns: [TrainingRun!]! @relationship(type: "TRAINED_BY", direction: OUT)
  trainingDatasets: [Dataset!]! @relationship(type: "TRAINED_ON", direction: OUT)
  evaluationDatasets: [Dataset!]! @relationship(type: "EVALUATED_ON", direction: OUT)
  deployments: [Deployment!]! @relationship(type: "DEPLOYED_TO", direction: OUT)
}

type Experiment implements Entity @node {${COMMON}
  id: String!
  runs: [TrainingRun!]! @relationship(type: "PART_OF", direction: IN)
}

type TrainingRun implements Entity @node(labels: ["Run"]) {${COMMON}
  id: String!
  startedAt: DateTime
  endedAt: DateTime
  runStatus: String
  hyperParams: String
  metrics: String
  codeRepository: String
  codeCommit: String
  dockerImage: String
  inputs: [Dataset!]! @relationship(type: "INPUT_OF", direction: IN)
  outputs: [Dataset!]! @relationship(type: "OUTPUT_OF", direction: IN)
  experiment: Experiment @relationship(type: "PART_OF", direction: OUT)
  parentRun: TrainingRun @relationship(type: "CHILD_OF", direction: OUT)
  childRuns: [TrainingRun!]! @relationship(type: "CHILD_OF", direction: IN)
  models: [Model!]! @relationship(type: "TRAINED_BY", direction: IN)
  ${impact}
}

type Deployment implements Entity @node {${COMMON}
  platform: String!
  env: String!
  deploymentStatus: String
  endpointUrl: String
  version: String
  models: [Model!]! @relationship(type: "DEPLOYED_TO", direction: IN)
}
`;

/** The peer's executable schema over `driver` (queries and the generated mutations). */
export function peerSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
}
