import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { keyFields, writableFields } from '../../model/entity-fields';
import type { FieldKind } from '../../model/entity-kind';
import { ENTITY_TYPES, type EntityType } from '../../model/entity-type';
import { jsonSizeOfValue } from '../../limits/answer-budget';
import { entityClassOf } from './graphql/entity-classes';

/**
 * Which stored properties to read, per entity type: what the operation selects on that type (or on
 * the Entity interface). The entity loaders read only these, so an operation that shows names does
 * not pay for decoding metrics, columns and timestamps. `urn` and `type` are never among them: every
 * statement that reads entities returns both as columns of their own (recordOf sets them).
 */
export type Projection = Readonly<Record<EntityType, readonly string[]>>;

/** Properties the server sets on every entity (see cypher/entities/write.cypher). */
const SYSTEM: readonly { name: string; kind: FieldKind }[] = [
  { name: 'urn', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'status', kind: 'string' },
  { name: 'statusReason', kind: 'string' },
  { name: 'revision', kind: 'int' },
  { name: 'createdAt', kind: 'datetime' },
  { name: 'updatedAt', kind: 'datetime' },
  { name: 'createdBy', kind: 'string' },
  { name: 'updatedBy', kind: 'string' },
];

/** Every stored property of `type` with its kind, by name. */
export const STORED: Readonly<Record<EntityType, ReadonlyMap<string, FieldKind>>> = Object.fromEntries(
  ENTITY_TYPES.map((t) => [t, new Map([...SYSTEM, ...keyFields(t), ...writableFields(t)].map((f) => [f.name, f.kind]))]),
) as unknown as Record<EntityType, ReadonlyMap<string, FieldKind>>;

/** Every stored property of every type: what a reader without an operation (scripts) gets. */
export const FULL_PROJECTION: Projection = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [...STORED[t].keys()].filter(projected)])) as unknown as Projection;

/** Whether a stored property goes into a projection (urn and type come as columns of their own). */
function projected(name: string): boolean {
  return name !== 'urn' && name !== 'type';
}

const cache = new WeakMap<DocumentNode, Map<string, Projection>>();

/**
 * The projection of one operation of `document`: for each entity type, the stored properties the
 * operation selects on it, through fragments and interface selections. Computed once per parsed
 * document (servers reuse parsed documents across requests).
 */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Projection {
  let byName = cache.get(document);
  if (!byName) cache.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let found = byName.get(key);
  if (!found) byName.set(key, (found = compute(schema, document, operationName)));
  return found;
}

function compute(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Projection {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const typeOfName = new Map(ENTITY_TYPES.map((t) => [entityClassOf(t).name, t]));
  const selected = new Map(ENTITY_TYPES.map((t) => [t, new Set<string>()]));
  const root = operation && schema.getRootType(operation.operation);
  const seen = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const entity = typeOfName.get(parent.name);
        if (entity) selected.get(entity)!.add(name);
        else if (isInterfaceType(parent) && parent.name === 'Entity') for (const s of selected.values()) s.add(name);
        if (sel.selectionSet && (isObjectType(parent) || isInterfaceType(parent))) {
          const field = parent.getFields()[name];
          if (field) walk(sel.selectionSet, getNamedType(field.type) as GraphQLCompositeType);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
        if (cond) walk(sel.selectionSet, cond);
      } else {
        const fragment = fragments.get(sel.name.value);
        const key = `${sel.name.value}@${parent.name}`;
        if (!fragment || seen.has(key)) continue;
        seen.add(key);
        const cond = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        if (cond) walk(fragment.selectionSet, cond);
      }
    }
  };
  if (operation && root) walk(operation.selectionSet, root);
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, [...selected.get(t)!].filter((f) => STORED[t].has(f) && projected(f))])) as unknown as Projection;
}

/**
 * Sets on `out` the values read for `fields` (same order): JSON text parsed, lists that are unset
 * read as [], times (read as epoch milliseconds) as Date; only the given fields. Returns the JSON
 * size of the fields set, by the rules of jsonSizeOf (answer-budget.ts), JSON text by its own
 * length, so nothing is printed again to count it.
 */
export function decodeProjected(type: EntityType, fields: readonly string[], values: readonly unknown[], out: Record<string, unknown>): number {
  const kinds = STORED[type];
  let size = 0;
  for (let i = 0; i < fields.length; i++) {
    const v = values[i];
    const name = fields[i];
    const kind = kinds.get(name);
    size += name.length + 4;
    if ((kind === 'json' || kind === 'jsonList') && typeof v === 'string') {
      out[name] = JSON.parse(v);
      size += v.length;
      continue;
    }
    switch (kind) {
      case 'json':
        out[name] = v ?? null;
        break;
      case 'jsonList':
        out[name] = v ?? [];
        break;
      case 'strings':
        out[name] = v ?? [];
        break;
      case 'datetime':
        // Read as epoch milliseconds (see cypher/entities/by-urns.cypher), or a Date from a time without an offset.
        out[name] = typeof v === 'number' ? new Date(v) : (v ?? null);
        break;
      default:
        out[name] = v ?? null;
    }
    size += jsonSizeOfValue(out[name]);
  }
  return size;
}
