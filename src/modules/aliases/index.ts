import { ModelAliasResolver } from './alias.resolver';
import { ModelGroupAliasesResolver } from './model-group-aliases.resolver';

export const aliasResolvers = [ModelAliasResolver, ModelGroupAliasesResolver];
