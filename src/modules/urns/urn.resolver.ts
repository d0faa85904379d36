import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { currentTypes, type EntityType as EntityTypeValue } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import { EntityType } from '../entities/graphql/enums';
import { BuiltUrn } from './built-urn.type';
import { UrnPartsInput } from './urn-parts.input';
import { urnFromParts } from './urn.service';

/** Builds URNs for clients, so nobody assembles `urn:li:...` by hand. */
@Resolver(() => BuiltUrn)
export class UrnResolver {
  @Query(() => BuiltUrn, {
    description:
      'The URN of an entity from its parts, built and checked exactly as an upsert builds it (env defaults to PROD), with the entity stored under it. ' +
      'A part that is missing, malformed or not one of the type\'s is BAD_USER_INPUT naming it and the format.',
  })
  urn(
    @Arg('type', () => EntityType, { description: 'The kind of entity.' }) type: EntityTypeValue,
    @Arg('parts', () => UrnPartsInput, { description: 'Its key parts, e.g. { platform: "snowflake", name: "analytics.sessions" } for a DATASET.' })
    parts: UrnPartsInput,
  ): BuiltUrn {
    // A former name (TRAINING_RUN) builds the URN of the kind it names now.
    return urnFromParts(currentTypes([type])![0], { ...parts });
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'The entity stored under this URN, or null when none is (yet).' })
  entity(@Root() built: BuiltUrn, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(built.urn);
  }
}
