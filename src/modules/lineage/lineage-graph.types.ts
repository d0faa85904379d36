import { EdgeProperties } from '../entities/graphql/edge-properties.types';
import { Field, Int, ObjectType } from 'type-graphql';
import { EDGES_PER_DRAWN_ENTITY, sizedListCost } from '../../limits/cost';
import { RelationshipType } from '../entities/graphql/enums';
import { Entity } from '../entities/graphql/entity.interface';
import { LINEAGE_GRAPH_MAX_NODES, LINEAGE_MAX_DEPTH } from './lineage.config';
import { LineageDirection } from './lineage-steps';

@ObjectType({ description: 'An entity on one side of the node a lineage graph is drawn around.' })
export class LineageGraphNode {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: Entity;

  @Field(() => LineageDirection, {
    description: 'The side it was reached on; an entity reached on both sides (a cycle) is listed once, on its nearer side (UPSTREAM on a tie).',
  })
  direction!: LineageDirection;

  @Field(() => Int, { description: 'Length of the shortest path from the centre on that side.' })
  degree!: number;
}

@ObjectType({ description: 'A stored lineage edge between two entities of a lineage graph, in its stored direction.' })
export class LineageGraphEdge {
  @Field(() => Entity, { description: 'Start of the stored edge.' })
  from!: Entity;

  @Field(() => Entity, { description: 'End of the stored edge.' })
  to!: Entity;

  @Field(() => RelationshipType, { description: 'Relationship type.' })
  relationship!: RelationshipType;

  @Field(() => EdgeProperties, { description: 'What the stored edge records (e.g. the version of the dataset a run read), as of the drawing.' })
  properties!: EdgeProperties;
}

@ObjectType({ description: 'Both sides of one entity, for drawing: nodes with their side and degree, and the edges between them.' })
export class LineageGraph {
  @Field(() => Entity, { description: 'The entity the graph is drawn around.' })
  root!: Entity;

  @Field(() => [LineageGraphNode], {
    description: 'Reached entities of the requested types (the root excluded), ordered by side, degree, urn.',
    complexity: sizedListCost(2 * LINEAGE_GRAPH_MAX_NODES),
  })
  nodes!: LineageGraphNode[];

  @Field(() => [LineageGraphEdge], {
    description: 'Lineage edges whose both ends are the root or one of `nodes`.',
    complexity: sizedListCost(2 * LINEAGE_GRAPH_MAX_NODES * EDGES_PER_DRAWN_ENTITY),
  })
  edges!: LineageGraphEdge[];

  @Field({
    description:
      `True only when a limit cut one of the walks: maxNodes, the server's node cap or time budget, or the depth cap of ${LINEAGE_MAX_DEPTH} steps ` +
      'with entities further away. A side that stops at a smaller depth the client asked for is complete.',
  })
  isPartial!: boolean;

  @Field(() => String, { nullable: true, description: 'Which server limit cut a walk; null when complete.' })
  partialReason?: string | null;
}
