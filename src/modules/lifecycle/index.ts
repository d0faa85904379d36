import { StatusResolver } from './status.resolver';

export const lifecycleResolvers = [StatusResolver];
