import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from './page-info.type';
import { sizedListCost } from '../../limits/cost';
import { MAX_PAGE_SIZE } from './page.args';

@ObjectType({ description: 'One field of an entity changed by one change record.' })
export class FieldChange {
  @Field({
    description: 'The field, e.g. "description" or a relationship field such as "trainingRuns"; a link/unlink names its relationship type.',
  })
  field!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Value before (null when unset); relationship fields hold sorted URN lists.',
  })
  old!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value after (null when cleared).' })
  new!: unknown;
}

@ObjectType({ description: 'One change of an entity: who made it, when, and what changed from what to what.' })
export class ChangeRecord {
  @Field(() => Int, { description: 'The revision the entity reached with this change.' })
  revision!: number;

  @Field({
    description:
      'When the change became true: the eventTime the write gave (e.g. an OpenLineage event\'s time, an imported run\'s end), else when it was committed.',
  })
  at!: Date;

  @Field({ description: 'When the change was committed to mlgraph (equal to `at` for writes without an eventTime).' })
  recordedAt!: Date;

  @Field({ description: 'Principal that made the change.' })
  actor!: string;

  @Field({ description: 'What happened, e.g. CREATED or UPDATED.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Why, when the caller said (e.g. the reason given to setStatus).' })
  reason!: string | null;

  @Field({ description: 'Where the change came from, e.g. "api" or "batch".' })
  source!: string;

  @Field(() => [FieldChange], { description: 'The fields changed, with their old and new values.' })
  changes!: FieldChange[];
}

@ObjectType({ description: 'A change record in an entity history, with its position.' })
export class ChangeEdge {
  @Field({ description: 'Opaque cursor of this record; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => ChangeRecord, { description: 'The change record.' })
  node!: ChangeRecord;
}

@ObjectType({ description: 'A page of an entity history, newest first (Relay connection).' })
export class HistoryConnection {
  @Field(() => [ChangeEdge], { complexity: sizedListCost(MAX_PAGE_SIZE), description: 'The change records of this page, newest first.' })
  edges!: ChangeEdge[];

  @Field(() => PageInfo, { description: 'Whether older records follow, and the cursor to get them.' })
  pageInfo!: PageInfo;
}
