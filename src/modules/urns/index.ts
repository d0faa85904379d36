import { UrnResolver } from './urn.resolver';

export const urnResolvers = [UrnResolver];
