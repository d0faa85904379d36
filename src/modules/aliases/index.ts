import { ModelAliasResolver } from './alias.resolver';
import { ModelAliasesResolver } from './model-aliases.resolver';
import { ModelGroupAliasesResolver } from './model-group-aliases.resolver';

export const aliasResolvers = [ModelAliasResolver, ModelAliasesResolver, ModelGroupAliasesResolver];
