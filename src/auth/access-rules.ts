import {
  getArgumentValues,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Status } from '../model/entity-type';
import { Role } from './role';

/** What one root field needs, given its argument values. */
export type FieldAccess = (args: Record<string, unknown>) => { role: Role; what: string };

interface OperationAccess {
  /** Role every root field of this operation type needs unless `fields` says otherwise. */
  role: Role;
  what: string;
  fields: Record<string, FieldAccess>;
}

/**
 * Who may run what: the one declaration of roles. Queries need READER and mutations WRITER; the
 * root fields listed need more, some only for some argument values. The authorization plugin
 * applies it to every root field of an operation before any field runs, so an operation that
 * asks for one thing its caller may not do is refused whole and writes nothing.
 */
export const ACCESS_RULES: Record<'query' | 'mutation', OperationAccess> = {
  query: {
    role: Role.READER,
    what: 'A query',
    fields: {
      apiTokens: () => ({ role: Role.ADMIN, what: 'Listing tokens' }),
    },
  },
  mutation: {
    role: Role.WRITER,
    what: 'A mutation',
    fields: {
      createApiToken: () => ({ role: Role.ADMIN, what: 'Creating a token' }),
      revokeApiToken: () => ({ role: Role.ADMIN, what: 'Revoking a token' }),
      setStatus: (args) =>
        args.status === Status.ARCHIVED ? { role: Role.ADMIN, what: 'Archiving' } : { role: Role.WRITER, what: 'A mutation' },
    },
  },
};

export interface Requirement {
  role: Role;
  what: string;
}

/**
 * The roles `operation` needs: the operation type's own, then one per root field that needs more,
 * with its arguments read from the literals and from `variables`. Fragments on the root type are
 * followed. Variables that do not fit their types count as absent: execution refuses such an
 * operation before any field runs. Subscriptions (which this server does not have) need ADMIN.
 */
export function requirementsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Requirement[] {
  if (operation.operation === 'subscription') return [{ role: Role.ADMIN, what: 'A subscription' }];
  const access = ACCESS_RULES[operation.operation];
  const rootType = operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  // Coerced only when a rule reads arguments: for a 10,000-entity ingest batch this coercion cost
  // as much as execution's own, and no rule of that mutation reads an argument.
  let values: Record<string, unknown> | undefined;
  const variableValues = () => {
    if (!values) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
      values = ('coerced' in coerced ? coerced.coerced : undefined) ?? {};
    }
    return values;
  };
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);

  const out: Requirement[] = [{ role: access.role, what: access.what }];
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (fragment && !seenFragments.has(s.name.value)) {
          seenFragments.add(s.name.value);
          visit(fragment);
        }
      } else {
        const rule = access.fields[s.name.value];
        if (rule) out.push(rule(argumentsOf(s, rootType?.getFields()[s.name.value], variableValues())));
      }
    }
  };
  visit(operation.selectionSet);
  return out;
}

function argumentsOf(node: FieldNode, def: Parameters<typeof getArgumentValues>[0] | undefined, variables: Record<string, unknown>) {
  if (!def) return {};
  try {
    return getArgumentValues(def, node, variables);
  } catch {
    return {}; // a literal that does not fit: validation has already refused the operation
  }
}
