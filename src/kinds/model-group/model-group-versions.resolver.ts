import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import { firstOrCap } from '../../limits/cost';
import type { EntityRecord } from '../../modules/entities/entity.loaders';
import { RELATION_MAX_FIRST } from '../../modules/entities/graphql/relation-fields.resolver';
import { Model } from '../model/model.type';
import { GroupVersionsArgs, LatestVersionArgs } from './group-versions.args';
import { ModelGroup } from './model-group.type';

const ORDER =
  'Order: a version with versionSortId follows every version without one, and sort ids compare as text; otherwise version labels ' +
  'compare by semantic version precedence ("2" < "10", "1.0.0-rc.1" < "1.0.0"), labels that are not version numbers first; ties by creation time, then URN.';

/** ModelGroup.versions and latestVersion: the member versions in version order, through the request's loaders. */
@Resolver(() => ModelGroup)
export class ModelGroupVersionsResolver {
  @FieldResolver(() => [Model], {
    description: `The model versions of this group, newest first. ${ORDER}`,
    complexity: firstOrCap(RELATION_MAX_FIRST),
  })
  async versions(@Root() group: EntityRecord, @Args() { statuses, asOf, first, after }: GroupVersionsArgs, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    let keys = await ctx.loaders.groupVersions.load({ group: group.urn, statuses, asOf: asOf ?? null });
    if (after != null) {
      const at = keys.findIndex((k) => k.urn === after);
      if (at < 0) throw new BadUserInputError(`${after} is not one of the listed versions of ${group.urn}`, 'after', { urn: after });
      keys = keys.slice(at + 1);
    }
    if (first == null && keys.length > RELATION_MAX_FIRST) {
      const message = `versions of ${group.urn} lists more than ${RELATION_MAX_FIRST} versions; the newest ${RELATION_MAX_FIRST} are returned.`;
      ctx.warnings.push({ code: 'LIST_TRUNCATED', urn: group.urn, field: 'versions', message });
    }
    const loaded = await ctx.loaders.entity.loadMany(keys.slice(0, first ?? RELATION_MAX_FIRST).map((k) => k.urn));
    return loaded.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
  }

  @FieldResolver(() => Model, { nullable: true, description: `The newest version of this group, or null when it has none. ${ORDER}` })
  async latestVersion(@Root() group: EntityRecord, @Args() { statuses, asOf }: LatestVersionArgs, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    const [latest] = await ctx.loaders.groupVersions.load({ group: group.urn, statuses, asOf: asOf ?? null });
    return latest ? ctx.loaders.entity.load(latest.urn) : null;
  }
}
