import { BadUserInputError } from '../../../errors/errors';
import { ruleOf } from '../../../model/relationship-type';
import type { EdgeProps, EntityWrite, LinkWrite } from './write-plan';
import { requireUrn } from '../urn-arg';

/**
 * Checks what can be checked without the database: no URN twice in one batch, every relationship
 * target a URN of the right type, every link a legal (type, from, to) combination. Throws
 * BAD_USER_INPUT naming the offending field.
 */
export function checkWriteShape(entities: EntityWrite[], links: LinkWrite[]): void {
  const seen = new Map<string, string>();
  for (const e of entities) {
    const first = seen.get(e.urn);
    if (first) throw new BadUserInputError(`${e.urn} appears twice in one request (${first} and ${e.path})`, e.path);
    seen.set(e.urn, e.path);
    for (const { spec, targets } of e.relations) {
      const field = `${e.path}.${spec.field}`;
      if (spec.single && targets.length > 1) throw new BadUserInputError(`${spec.field} takes one URN`, field);
      for (const t of targets) {
        const parsed = requireUrn(t, field);
        if (parsed.type !== spec.target) {
          throw new BadUserInputError(`${spec.field} takes ${spec.target} URNs, got a ${parsed.type}: ${t}`, field, { urn: t });
        }
        if (t === e.urn) throw new BadUserInputError(`${e.urn} cannot be related to itself`, field, { urn: t });
      }
    }
  }
  for (const l of links) {
    const from = requireUrn(l.from, `${l.path}.from`);
    const to = requireUrn(l.to, `${l.path}.to`);
    const rule = ruleOf(l.type, from.type, to.type);
    if (!rule) throw new BadUserInputError(`${l.type} cannot go from a ${from.type} to a ${to.type}`, `${l.path}.relationship`);
    if (l.properties) edgePropsOf(l.properties, rule.properties ?? [], l.type, `${l.path}.properties`);
    if (l.from === l.to) throw new BadUserInputError(`${l.from} cannot be related to itself`, `${l.path}.to`);
  }
}

/** The edge properties an EdgePropertiesInput gives, nulls left out (checked later against the relationship). */
export function edgePropsGiven(given: object): EdgeProps {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
}

/**
 * The edge properties an input gives (nulls left out) for a relationship that carries `allowed`;
 * BAD_USER_INPUT at `${path}.<name>` for one it does not carry.
 */
export function edgePropsOf(
  given: Readonly<Record<string, unknown>> | null | undefined,
  allowed: readonly { name: string }[],
  relationship: string,
  path: string,
): EdgeProps {
  const props: EdgeProps = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    if (value == null) continue;
    if (!allowed.some((p) => p.name === name)) {
      throw new BadUserInputError(
        `${relationship} edges here record ${allowed.length ? allowed.map((p) => p.name).join(', ') : 'no properties'}, not ${name}`,
        `${path}.${name}`,
      );
    }
    props[name] = String(value);
  }
  return props;
}
