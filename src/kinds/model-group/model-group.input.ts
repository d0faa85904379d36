import { InputType } from 'type-graphql';
import { PlatformEnvInputBase } from '../../modules/entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a model group, keyed by (platform, name, env).' })
export class UpsertModelGroupInput extends PlatformEnvInputBase {}
