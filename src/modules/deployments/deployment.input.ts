import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Env } from '../../model/entity-type';
import { EntityInputBase, KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../entities/graphql/entity-input.base';
import { DeploymentStatus } from './deployment-status.enum';

@InputType({ description: 'Creates or updates a deployment, keyed by (platform, name, env).' })
export class UpsertDeploymentInput extends EntityInputBase {
  @Field({ description: 'Serving platform, e.g. "sagemaker" (key).' })
  @IsString()
  @Length(1, 100)
  @Matches(KEY_PART_PATTERN, { message: `platform ${KEY_PART_MESSAGE}` })
  platform!: string;

  @Field(() => Env, { nullable: true, description: 'Environment (key; default PROD).' })
  @IsOptional()
  @IsEnum(Env)
  env?: Env;

  @Field(() => DeploymentStatus, { nullable: true, description: 'State of the endpoint.' })
  @IsOptional()
  @IsEnum(DeploymentStatus)
  deploymentStatus?: DeploymentStatus | null;

  @Field(() => String, { nullable: true, description: 'Endpoint URL.' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  @MaxLength(2048)
  endpointUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Version of the deployment.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;
}
