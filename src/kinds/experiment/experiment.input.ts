import { Field, InputType } from 'type-graphql';
import { IsString, Length, Matches } from 'class-validator';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../../model/urn-scheme';
import { EntityInputBase } from '../../modules/entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates an experiment, keyed by id.' })
export class UpsertExperimentInput extends EntityInputBase {
  @Field({ description: 'Experiment id, e.g. "mlflow-123" (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `id ${KEY_PART_MESSAGE}` })
  id!: string;
}
