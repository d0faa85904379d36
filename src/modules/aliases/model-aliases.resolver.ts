import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';
import { Model } from '../../kinds/model/model.type';

/** Model.aliases: the aliases this version holds in the groups it is an open member of. */
@Resolver(() => Model)
export class ModelAliasesResolver {
  @FieldResolver(() => [String], {
    description:
      'Aliases this version holds in its groups (champion, challenger...), sorted; set by setModelAlias. ' +
      'An alias belongs to one group membership: leaving the group drops it.',
  })
  async aliases(@Root() model: EntityRecord, @Ctx() ctx: Context): Promise<string[]> {
    return [...new Set((await ctx.loaders.aliases.load(model.urn)).map((h) => h.alias))];
  }
}
