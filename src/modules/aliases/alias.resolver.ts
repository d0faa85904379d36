import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { SetModelAliasArgs } from './set-model-alias.args';
import { ModelAliasChange } from './model-alias.type';
import { setModelAlias } from './alias.service';

@Resolver()
export class ModelAliasResolver {
  @Mutation(() => ModelAliasChange, {
    description:
      'Gives an alias (champion, challenger, latest...) to a model version of a group. An alias is held by at most ' +
      'one model of the group: the old holder loses it in the same transaction. The model must be a MEMBER_OF the group.',
  })
  setModelAlias(@Args() { group, alias, model }: SetModelAliasArgs, @Ctx() ctx: Context) {
    return setModelAlias(ctx, group, alias, model);
  }
}
