import { LinkResolver } from './link.resolver';

export const linkResolvers = [LinkResolver];
