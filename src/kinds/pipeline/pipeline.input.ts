import { Field, InputType } from 'type-graphql';
import { IsString, Length, Matches } from 'class-validator';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../../model/urn-scheme';
import { EntityInputBase } from '../../modules/entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a pipeline, keyed by (orchestrator, flowId, cluster).' })
export class UpsertPipelineInput extends EntityInputBase {
  @Field({ description: 'Orchestrator, e.g. "airflow" (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `orchestrator ${KEY_PART_MESSAGE}` })
  orchestrator!: string;

  @Field({ description: 'Id of the workflow in the orchestrator, e.g. the DAG id (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `flowId ${KEY_PART_MESSAGE}` })
  flowId!: string;

  @Field({ description: 'The orchestrator instance or environment, e.g. "prod" (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `cluster ${KEY_PART_MESSAGE}` })
  cluster!: string;
}
