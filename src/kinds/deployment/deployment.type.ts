import { Field, ObjectType } from 'type-graphql';
import { Env } from '../../model/env';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { DeploymentStatus } from './deployment-status.enum';

@ObjectType({ implements: Entity, description: 'A deployment: an endpoint that serves model versions.' })
export class Deployment extends Entity {
  @Field({ description: 'Serving platform, e.g. "sagemaker", "seldon", "kserve" (part of the URN).' })
  platform!: string;

  @Field(() => Env, { description: "Environment, DataHub's fabric (part of the URN)." })
  env!: Env;

  @Field(() => DeploymentStatus, { nullable: true, description: 'State of the endpoint.' })
  deploymentStatus?: DeploymentStatus | null;

  @Field(() => String, { nullable: true, description: 'Where the endpoint answers, e.g. "https://ml.example.com/churn".' })
  endpointUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Version of the deployment (its configuration or release).' })
  version?: string | null;
}
