import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Model } from '../../kinds/model/model.type';
import { ModelAliasArgs, SetModelAliasArgs } from './set-model-alias.args';
import { ModelAliasChange, ModelAliasRemoval } from './model-alias.type';
import { modelByAlias, removeModelAlias, setModelAlias } from './alias.service';

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

  @Mutation(() => ModelAliasRemoval, {
    description: 'Takes an alias from the member of the group that holds it (a no-op when nobody does).',
  })
  removeModelAlias(@Args() { group, alias }: ModelAliasArgs, @Ctx() ctx: Context) {
    return removeModelAlias(ctx, group, alias);
  }

  @Query(() => Model, {
    nullable: true,
    description: 'The model version holding an alias in a group (e.g. the "champion" to serve), or null.',
  })
  modelByAlias(@Args() { group, alias }: ModelAliasArgs, @Ctx() ctx: Context) {
    return modelByAlias(ctx, group, alias);
  }
}
