import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { NamedValue } from '../../modules/entities/graphql/common.types';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { RunStatus } from './run-status.enum';
import { RunType } from './run-type.enum';

/**
 * The object type of older releases, kept as an interface of Run for a release so that fragments
 * `... on TrainingRun { ... }` still match runs (README, "Deprecations"). Its fields are those
 * TrainingRun had, but the relationship fields (select those on Run).
 */
@InterfaceType({
  implements: Entity,
  resolveType: () => 'Run',
  description:
    'DEPRECATED: use Run (runType TRAINING for training runs); kept until 0.3.0 as an interface every Run implements, with the ' +
    'fields TrainingRun had but its relationship fields (select those with `... on Run`).',
})
export abstract class TrainingRun extends Entity {
  @Field({ description: "Run id, e.g. the tracking server's run id (the URN's key)." })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'When the run started.' })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the run ended.' })
  endedAt?: Date | null;

  @Field(() => RunStatus, { nullable: true, description: 'Where the run is in its life.' })
  runStatus?: RunStatus | null;

  @Field(() => [NamedValue], { description: 'Hyperparameters the run used.' })
  hyperParams!: NamedValue[];

  @Field(() => [NamedValue], { description: 'Metrics the run reported.' })
  metrics!: NamedValue[];

  @Field(() => String, { nullable: true, description: 'Repository of the code the run executed, e.g. "https://github.com/acme/churn".' })
  codeRepository?: string | null;

  @Field(() => String, { nullable: true, description: 'Commit of the code the run executed.' })
  codeCommit?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image the run executed in.' })
  dockerImage?: string | null;
}

@ObjectType({
  implements: [Entity, TrainingRun],
  description:
    'A run: one execution of any kind (training, evaluation, batch inference, feature engineering, data processing) that ' +
    "reads datasets and models, writes datasets and trains models; DataHub's dataProcessInstance.",
})
export class Run extends TrainingRun {
  @Field(() => RunType, { description: 'What the run does (OTHER when created without a type).' })
  runType!: RunType;
}
