import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';
import { ModelGroup } from '../../kinds/model-group/model-group.type';
import { ModelAlias } from './model-alias.type';
import { atMost } from '../../limits/cost';
import { RELATION_MAX_FIRST } from '../entities/graphql/relation-fields.resolver';

/** ModelGroup.aliases: the aliases on the group's open memberships, through the request's loaders. */
@Resolver(() => ModelGroup)
export class ModelGroupAliasesResolver {
  @FieldResolver(() => [ModelAlias], {
    description: 'The aliases of this group (champion, challenger...) and the member version holding each, by alias.',
    complexity: atMost(RELATION_MAX_FIRST), // counted like a relationship list read without first
  })
  async aliases(@Root() group: EntityRecord, @Ctx() ctx: Context): Promise<ModelAlias[]> {
    const held = await ctx.loaders.aliases.load(group.urn);
    const models = await ctx.loaders.entity.loadMany(held.map((h) => h.model));
    return held.flatMap((h, i) => {
      const model = models[i];
      return model && !(model instanceof Error) ? [{ alias: h.alias, model }] : [];
    });
  }
}
