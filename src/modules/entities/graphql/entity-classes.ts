import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Field, getMetadataStorage, type ClassType } from 'type-graphql';
import { KINDS } from '../../../kinds';
import type { EntityType } from '../../../model/entity-type';
import { RELATION_FIELDS, type RelationField } from '../../../model/relationship-type';
import { RelatedEdgeInput } from './edge-properties.types';

// EntityType -> its GraphQL classes, loaded from the declarations by loadEntityClasses.
const classes = new Map<string, { objectType: ClassType; input: ClassType }>();

/** Loads every kind's object type and upsert input classes; call (and await) before building the schema. */
export async function loadEntityClasses(): Promise<void> {
  for (const kind of KINDS) {
    if (classes.has(kind.type)) continue;
    const input = await kind.graphql.input();
    for (const spec of RELATION_FIELDS[kind.type as EntityType]) if (spec.input && spec.edgesField) declareEdgesInput(input, spec);
    classes.set(kind.type, { objectType: await kind.graphql.objectType(), input });
  }
}

/** The GraphQL object class of `type`; throws if loadEntityClasses has not run. */
export function entityClassOf(type: EntityType): ClassType {
  return loaded(type).objectType;
}

/** The GraphQL name of the object type of `type` (e.g. Model); throws if loadEntityClasses has not run. */
export function objectTypeNameOf(type: EntityType): string {
  const cls = entityClassOf(type);
  return getMetadataStorage().objectTypes.find((t) => t.target === cls)?.name ?? cls.name;
}

/**
 * The prototype an entity record of `type` is made with: its GraphQL class's once loaded (plain
 * objects before, e.g. in scripts). type-graphql hands a field resolver's root over as is when it
 * is an instance of the resolver's class, and copies it into a new instance otherwise: on a page of
 * a hundred models with five lists each, that was five hundred copies per request.
 */
export function recordPrototypeOf(type: string): object {
  return (classes.get(type)?.objectType.prototype as object | undefined) ?? Object.prototype;
}

/**
 * `parts` merged into a new instance of `cls`, without running its constructor: what type-graphql
 * hands to field resolvers as it is (see recordPrototypeOf). For the stubs services return.
 */
export function asInstance<T extends object>(cls: { prototype: object }, ...parts: object[]): T {
  return Object.assign(Object.create(cls.prototype) as T, ...parts);
}

/** The upsert input class of `type`; throws if loadEntityClasses has not run. */
export function inputClassOf(type: EntityType): ClassType {
  return loaded(type).input;
}

function loaded(type: EntityType) {
  const found = classes.get(type);
  if (!found) throw new Error(`the GraphQL classes of ${type} are not loaded (loadEntityClasses)`);
  return found;
}

/**
 * Declares `<field>Edges` on an upsert input, as a @Field property would be: the relationship set
 * with the properties each edge records, instead of `<field>` (giving both is BAD_USER_INPUT).
 */
function declareEdgesInput(input: ClassType, spec: RelationField): void {
  const proto = input.prototype as object;
  const name = spec.edgesField!;
  Reflect.defineMetadata('design:type', Array, proto, name);
  Field(() => [RelatedEdgeInput], {
    nullable: true,
    description: `Like ${spec.field}, with what each edge records (${spec.properties.map((p) => p.name).join(', ')}); replaces the set when present. Give one of the two.`,
  })(proto, name);
  IsOptional()(proto, name);
  ArrayMaxSize(10_000)(proto, name);
  ValidateNested({ each: true })(proto, name);
}
