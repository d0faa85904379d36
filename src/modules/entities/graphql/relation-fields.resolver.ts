import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../../../context';
import type { EntityType } from '../../../model/entity-type';
import { RELATION_FIELDS, type RelationField } from '../../../model/relationship-type';
import { parseUrn } from '../../../model/urn';
import type { EntityRecord } from '../entity.loaders';
import { entityClassOf } from './entity-classes';

/** The entities at the other end of `spec` for `root`, through the request's loaders. */
export async function loadRelated(ctx: Context, root: { urn: string }, spec: RelationField): Promise<EntityRecord[]> {
  const urns = await ctx.loaders.related.load({ urn: root.urn, type: spec.type, direction: spec.direction });
  const ofType = urns.filter((u) => parseUrn(u)?.type === spec.target);
  const loaded = await ctx.loaders.entity.loadMany(ofType);
  return loaded.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
}

/**
 * Builds the resolver of every relationship field of `type` from RELATION_FIELDS (the one table),
 * so adding a relationship there adds its GraphQL field on both ends.
 */
export function relationFieldsResolver(type: EntityType, cls: ClassType): ClassType {
  @Resolver(() => cls)
  class RelationFieldsResolver {}
  const proto = RelationFieldsResolver.prototype as unknown as Record<string, unknown>;

  for (const spec of RELATION_FIELDS[type]) {
    proto[spec.field] = async function (root: EntityRecord, ctx: Context) {
      const related = await loadRelated(ctx, root, spec);
      return spec.single ? (related[0] ?? null) : related;
    };
    Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, spec.field);
    Reflect.defineMetadata('design:returntype', Promise, proto, spec.field);
    Root()(proto, spec.field, 0);
    Ctx()(proto, spec.field, 1);
    const descriptor = Object.getOwnPropertyDescriptor(proto, spec.field)!;
    FieldResolver(() => (spec.single ? entityClassOf(spec.target) : [entityClassOf(spec.target)]), {
      description: spec.description,
      nullable: Boolean(spec.single),
    })(proto, spec.field, descriptor);
  }
  Object.defineProperty(RelationFieldsResolver, 'name', { value: `${cls.name}RelationsResolver` });
  return RelationFieldsResolver;
}
