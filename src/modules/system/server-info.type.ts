import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The running mlgraph server and the Neo4j behind it.' })
export class ServerInfo {
  @Field({ description: 'mlgraph version (from package.json).' })
  version!: string;

  @Field({ description: 'Version of the Neo4j server, e.g. "5.26.29".' })
  neo4jVersion!: string;

  @Field({ description: 'Neo4j edition: "community" or "enterprise".' })
  edition!: string;

  @Field({ description: 'Name of the Neo4j database mlgraph reads and writes.' })
  database!: string;
}
