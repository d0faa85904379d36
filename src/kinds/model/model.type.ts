import { Field, ObjectType } from 'type-graphql';
import { Env } from '../../model/env';
import { NamedValue } from '../../modules/entities/graphql/common.types';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { Framework } from './framework.type';
import { IntendedUse } from './intended-use.type';
import { SourceCode } from './source-code.type';

@ObjectType({ implements: Entity, description: 'A model: one trained version, a member of model groups.' })
export class Model extends Entity {
  @Field({ description: 'ML platform, e.g. "mlflow" or "sagemaker" (part of the URN).' })
  platform!: string;

  @Field(() => Env, { description: "Environment, DataHub's fabric (part of the URN)." })
  env!: Env;

  @Field(() => String, { nullable: true, description: 'Version label of this model, e.g. "7".' })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of model or algorithm, e.g. "gradient boosted trees".' })
  modelType?: string | null;

  @Field(() => Framework, { nullable: true, description: 'The ML library the model was built with.' })
  framework?: Framework | null;

  @Field(() => [NamedValue], { description: 'Hyperparameters the model was trained with.' })
  hyperParams!: NamedValue[];

  @Field(() => [NamedValue], { description: 'Metrics measured at training or evaluation time.' })
  trainingMetrics!: NamedValue[];

  @Field(() => [NamedValue], { description: 'Metrics measured in production.' })
  onlineMetrics!: NamedValue[];

  @Field(() => IntendedUse, { nullable: true, description: 'What the model is for and not for.' })
  intendedUse?: IntendedUse | null;

  @Field(() => String, { nullable: true, description: 'Ethical considerations (model card).' })
  ethicalConsiderations?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats and recommendations (model card).' })
  caveats?: string | null;

  @Field(() => [SourceCode], { description: 'Links to the code behind the model.' })
  sourceCode!: SourceCode[];

  @Field(() => String, { nullable: true, description: 'Where the model artifact is stored, e.g. "s3://models/churn/7".' })
  artifactUri?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image that serves the model.' })
  dockerImage?: string | null;

  @Field(() => String, { nullable: true, description: 'Endpoint that serves the model, when it has its own.' })
  endpointUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'License of the model, e.g. "Apache-2.0".' })
  license?: string | null;
}
