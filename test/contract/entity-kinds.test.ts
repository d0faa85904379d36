import { GraphQLInputObjectType, GraphQLObjectType, getNamedType, type GraphQLSchema } from 'graphql';
import { Field, getMetadataStorage, InputType } from 'type-graphql';
import { KINDS } from '../../src/kinds';
import type { EntityKind } from '../../src/model/entity-kind';
import { COMMON_FIELDS } from '../../src/model/entity-fields';
import type { EntityType } from '../../src/model/entity-type';
import { EDGE_PROPERTIES, RELATION_FIELDS } from '../../src/model/relationship-type';
import { DERIVATION_KIND, EDGE_PROPERTY_LIST } from '../../src/model/edge-properties';
import { DerivationKind, EdgeProperties, EdgePropertiesInput } from '../../src/modules/entities/graphql/edge-properties.types';
import { entityClassOf, inputClassOf, loadEntityClasses } from '../../src/modules/entities/graphql/entity-classes';
import { Entity } from '../../src/modules/entities/graphql/entity.interface';
import { PlatformEnvInputBase } from '../../src/modules/entities/graphql/entity-input.base';
import { createSchema } from '../../src/schema';

// Object types and inputs are type-graphql classes; their field names are written again there.
// This proves, from type-graphql's own metadata, that every class says what its kind's declaration
// says: an input field the declaration does not know would be silently dropped by the writer.

type AnyClass = abstract new (...args: never[]) => unknown;

/** GraphQL fields type-graphql knows for `cls` and the classes it extends (up to `stopAt`), by name. */
function classFields(cls: AnyClass, stopAt?: AnyClass): string[] {
  const names: string[] = [];
  for (let c = cls; c && c !== Object && c !== stopAt; c = Object.getPrototypeOf(c)) {
    names.push(...getMetadataStorage().fields.filter((f) => f.target === c).map((f) => f.schemaName));
  }
  return names.sort();
}

const keyFields = (kind: EntityKind) => kind.urn.key.map((slot) => slot.field);

/**
 * What the upsert input of `kind` must take: common fields, the key, its fields and the
 * relationships it sets (with `<field>Edges` for those whose edges carry properties), and
 * `eventTime`, which dates the write rather than being stored.
 */
function expectedInput(kind: EntityKind): string[] {
  const edges = RELATION_FIELDS[kind.type as EntityType].filter((f) => f.input && f.edgesField).map((f) => f.edgesField!);
  const names = ['eventTime', ...COMMON_FIELDS.map((f) => f.name), ...keyFields(kind), ...Object.keys(kind.fields), ...kind.relationships.map((r) => r.field), ...edges, ...columnFields(kind)];
  return [...new Set(names)].sort();
}

/** The input fields about columns (the schema field is a stored field already). */
const columnFields = (kind: EntityKind) => [kind.columns?.lineage, kind.columns?.reads].filter((f): f is string => Boolean(f));

/** Field names of `actual` that are not `expected`, and the other way round. */
function mismatch(actual: string[], expected: string[]) {
  return { notDeclared: actual.filter((f) => !expected.includes(f)), missing: expected.filter((f) => !actual.includes(f)) };
}
const agree = { notDeclared: [], missing: [] };

describe('every kind of entity: its classes agree with its declaration', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    await loadEntityClasses();
    schema = await createSchema();
  });
  const kinds = KINDS.map((k) => [k.type, k] as [string, EntityKind]);

  it.each(kinds)('%s: the upsert input takes exactly the common fields, the key, the stored fields and the relationships it sets', (_t, kind) => {
    expect(mismatch(classFields(inputClassOf(kind.type as EntityType)), expectedInput(kind))).toEqual(agree);
  });

  it.each(kinds)('%s: the object type declares exactly the key and the stored fields (the rest comes from Entity)', (_t, kind) => {
    const entityFields = classFields(Entity);
    // A key that is also a relationship (a job's pipeline) is shown as the relationship.
    const related = kind.relationships.map((r) => r.field);
    const expected = [...new Set([...keyFields(kind), ...Object.keys(kind.fields)])]
      .filter((f) => !entityFields.includes(f) && !related.includes(f))
      .sort();
    expect(mismatch(classFields(entityClassOf(kind.type as EntityType), Entity), expected)).toEqual(agree);
  });

  it.each(kinds)('%s: the schema shows both ends of its relationships, its getter, its upsert and its ingest list', (_t, kind) => {
    const objectType = entityClassOf(kind.type as EntityType);
    const name = getMetadataStorage().objectTypes.find((o) => o.target === objectType)!.name;
    const shown = (schema.getType(name) as GraphQLObjectType).getFields();
    expect(RELATION_FIELDS[kind.type as EntityType].map((f) => f.field).filter((f) => !shown[f])).toEqual([]);
    const former = kind.formerly ? [kind.formerly.name] : [];
    expect((schema.getType(name) as GraphQLObjectType).getInterfaces().map((i) => i.name)).toEqual(['Entity', ...former]);

    const getter = schema.getQueryType()!.getFields()[name[0].toLowerCase() + name.slice(1)];
    expect(getNamedType(getter.type).name).toBe(name);
    const upsert = schema.getMutationType()!.getFields()[`upsert${name}`];
    expect([getNamedType(upsert.type).name, getNamedType(upsert.args[0].type).name]).toEqual([name, inputClassOf(kind.type as EntityType).name]);
    const list = (schema.getType('IngestBatchInput') as GraphQLInputObjectType).getFields()[kind.ingestList];
    expect(getNamedType(list.type).name).toBe(inputClassOf(kind.type as EntityType).name);
  });

  it('the declared stored fields never shadow a common or key field', () => {
    for (const kind of KINDS) {
      const shadowed = Object.keys(kind.fields).filter((f) => COMMON_FIELDS.some((c) => c.name === f) || keyFields(kind).includes(f));
      expect({ kind: kind.type, shadowed }).toEqual({ kind: kind.type, shadowed: [] });
    }
  });

  it('edge properties: the input that sets them and the object that shows them list exactly the declared ones', () => {
    const declared = EDGE_PROPERTY_LIST.map((p) => p.name).sort();
    expect(classFields(EdgePropertiesInput)).toEqual(declared);
    expect(classFields(EdgeProperties)).toEqual(declared);
    expect([...EDGE_PROPERTIES.keys()].sort()).toEqual(declared);
    const derivation = DERIVATION_KIND.kind as { values: Record<string, string> };
    expect(Object.values(DerivationKind).sort()).toEqual(Object.keys(derivation.values).sort());
  });

  it('a former name of a kind keeps its getter, upsert (older input) and ingest list, deprecated', () => {
    for (const kind of KINDS as readonly EntityKind[]) {
      if (!kind.formerly) continue;
      const { name, ingestList, reason } = kind.formerly;
      const objectName = getMetadataStorage().objectTypes.find((o) => o.target === entityClassOf(kind.type as EntityType))!.name;
      const getter = schema.getQueryType()!.getFields()[name[0].toLowerCase() + name.slice(1)];
      const upsert = schema.getMutationType()!.getFields()[`upsert${name}`];
      const list = (schema.getType('IngestBatchInput') as GraphQLInputObjectType).getFields()[ingestList];
      expect([getNamedType(getter.type).name, getter.deprecationReason]).toEqual([objectName, reason]);
      expect([getNamedType(upsert.type).name, upsert.deprecationReason, getNamedType(upsert.args[0].type).name]).toEqual([objectName, reason, `Upsert${name}Input`]);
      expect([getNamedType(list.type).name, list.deprecationReason]).toEqual([`Upsert${name}Input`, reason]);
      expect(schema.getType('EntityType')!.toConfig()).toMatchObject({ values: { [kind.formerly.type]: { deprecationReason: reason } } });
    }
  });

  it('catches an input field the declaration does not know, and a declared field the input lacks', () => {
    @InputType('ContractProbeInput')
    class ProbeInput extends PlatformEnvInputBase {
      @Field(() => String, { nullable: true })
      notStored?: string | null;
    }
    const [dataset] = KINDS;
    expect(mismatch(classFields(ProbeInput), expectedInput(dataset))).toEqual({
      notDeclared: ['notStored'],
      missing: ['columnLineage', 'format', 'schemaFields', 'upstreams', 'uri', 'version'],
    });
  });
});
