import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { Context } from '../../../context';
import { KINDS } from '../../../kinds';
import type { EntityKind, FormerKind } from '../../../model/entity-kind';
import type { EntityType } from '../../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entity.service';
import { entityClassOf, inputClassOf, loadEntityClasses, objectTypeNameOf } from './entity-classes';
import { relationFieldsResolver } from './relation-fields.resolver';

/**
 * The typed getter and upsert of one kind, named after its object type (`dataset(urn)` and
 * `upsertDataset(input)` for Dataset); the classes must be loaded (loadEntityClasses).
 */
export function entityResolver(kind: EntityKind): ClassType {
  const type = kind.type as EntityType;
  const objectType = entityClassOf(type);
  const name = objectTypeNameOf(type);
  const { noun } = kind.graphql;
  const keys = kind.urn.key.map((slot) => slot.field);

  @Resolver(() => objectType)
  class EntityResolver {
    @Query(() => objectType, { name: name[0].toLowerCase() + name.slice(1), nullable: true, description: `The ${noun} with this URN, or null when none is stored or the URN is of another type; text that is no URN is BAD_USER_INPUT.` })
    get(@Arg('urn', () => ID, { description: `${inWords(name)} URN.` }) urn: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return getEntityOfType(ctx, type, urn, info);
    }

    @Mutation(() => objectType, {
      name: `upsert${name}`,
      description: `Creates or updates ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} by ${keys.length > 1 ? `(${keys.join(', ')})` : keys[0]}.`,
    })
    upsert(@Arg('input', () => inputClassOf(type), { description: `The ${noun}.` }) input: object, @Ctx() ctx: Context) {
      return upsertEntity(ctx, type, input);
    }
  }
  Object.defineProperty(EntityResolver, 'name', { value: `${name}Resolver` });
  return EntityResolver;
}

/**
 * The getter and upsert an older release named this kind by (`trainingRun(urn)` and
 * `upsertTrainingRun(input)`), deprecated: they answer the kind's object type, and the upsert
 * takes the older input and stores the former kind's defaults on create (README, "Deprecations").
 */
export function formerEntityResolver(kind: EntityKind & { formerly: FormerKind }, formerInput: ClassType): ClassType {
  const type = kind.type as EntityType;
  const objectType = entityClassOf(type);
  const { name, noun, reason, onCreate } = kind.formerly;

  @Resolver(() => objectType)
  class FormerEntityResolver {
    @Query(() => objectType, { name: name[0].toLowerCase() + name.slice(1), nullable: true, description: `The ${noun} with this URN, or null.`, deprecationReason: reason })
    get(@Arg('urn', () => ID, { description: `${inWords(name)} URN.` }) urn: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return getEntityOfType(ctx, type, urn, info);
    }

    @Mutation(() => objectType, { name: `upsert${name}`, description: `Creates or updates a ${kind.graphql.noun} as the ${noun} of older releases.`, deprecationReason: reason })
    upsert(@Arg('input', () => formerInput, { description: `The ${noun}.` }) input: object, @Ctx() ctx: Context) {
      return upsertEntity(ctx, type, input, onCreate);
    }
  }
  Object.defineProperty(FormerEntityResolver, 'name', { value: `${name}FormerResolver` });
  return FormerEntityResolver;
}

let resolvers: Promise<ClassType[]> | undefined;

/**
 * Every resolver that comes from the declarations: per kind its getter and upsert, its
 * relationship fields and the resolvers of fields only it has. Built once per process (type-graphql
 * keeps resolver metadata globally), after loading the GraphQL classes.
 */
export function entityResolvers(): Promise<ClassType[]> {
  resolvers ??= (async () => {
    await loadEntityClasses();
    const perKind = await Promise.all(
      KINDS.map(async (kind: EntityKind) => [
        entityResolver(kind),
        ...(kind.formerly ? [formerEntityResolver(kind as EntityKind & { formerly: FormerKind }, await kind.formerly.input())] : []),
        ...((await kind.graphql.resolvers?.()) ?? []),
        relationFieldsResolver(kind.type as EntityType, entityClassOf(kind.type as EntityType)),
      ]),
    );
    return perKind.flat();
  })();
  return resolvers;
}

/** "FeatureTable" -> "Feature table". */
function inWords(name: string): string {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, (c) => ` ${c.toLowerCase()}`);
}
