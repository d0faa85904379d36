import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { RelationshipType } from '../../model/relationship-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { ModelGroup } from '../model-groups/model-group.type';
import { ModelAlias } from './model-alias.type';

/** ModelGroup.aliases: read through the request's loaders (members, then their aliases). */
@Resolver(() => ModelGroup)
export class ModelGroupAliasesResolver {
  @FieldResolver(() => [ModelAlias], {
    description: 'The aliases of this group (champion, challenger...) and the member version holding each, by alias.',
  })
  async aliases(@Root() group: EntityRecord, @Ctx() ctx: Context): Promise<ModelAlias[]> {
    const members = await ctx.loaders.related.load({ urn: group.urn, type: RelationshipType.MEMBER_OF, direction: 'in' });
    const models = await ctx.loaders.entity.loadMany(members);
    const out: ModelAlias[] = [];
    for (const m of models) {
      if (!m || m instanceof Error) continue;
      for (const alias of (m.aliases as string[] | undefined) ?? []) out.push({ alias, model: m });
    }
    return out.sort((a, b) => a.alias.localeCompare(b.alias) || a.model.urn.localeCompare(b.model.urn));
  }
}
