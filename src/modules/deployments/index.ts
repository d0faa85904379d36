import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { DeploymentResolver } from './deployment.resolver';
import { Deployment } from './deployment.type';

export const deploymentResolvers = [DeploymentResolver, relationFieldsResolver(EntityType.DEPLOYMENT, Deployment)];
