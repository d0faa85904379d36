import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PlatformEnvInputBase } from '../../modules/entities/graphql/entity-input.base';
import { DeploymentStatus } from './deployment-status.enum';

@InputType({ description: 'Creates or updates a deployment, keyed by (platform, name, env).' })
export class UpsertDeploymentInput extends PlatformEnvInputBase {
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
