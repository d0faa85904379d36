import { Field, ObjectType } from 'type-graphql';
import { NamedValue } from '../../modules/entities/graphql/common.types';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { RunStatus } from './run-status.enum';

@ObjectType({ implements: Entity, description: 'A training run: one execution that reads datasets and trains models.' })
export class TrainingRun extends Entity {
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

  @Field(() => String, { nullable: true, description: 'Repository of the training code, e.g. "https://github.com/acme/churn".' })
  codeRepository?: string | null;

  @Field(() => String, { nullable: true, description: 'Commit of the training code.' })
  codeCommit?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image the run executed in.' })
  dockerImage?: string | null;
}
