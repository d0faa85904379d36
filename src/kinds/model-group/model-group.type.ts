import { Field, ObjectType } from 'type-graphql';
import { Env } from '../../model/env';
import { Entity } from '../../modules/entities/graphql/entity.interface';

@ObjectType({ implements: Entity, description: 'A model group: the registered model whose versions are Model entities.' })
export class ModelGroup extends Entity {
  @Field({ description: 'ML platform, e.g. "mlflow" or "sagemaker" (part of the URN).' })
  platform!: string;

  @Field(() => Env, { description: "Environment, DataHub's fabric (part of the URN)." })
  env!: Env;
}
