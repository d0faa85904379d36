import { BadUserInputError } from '../../../errors/errors';
import { isLegalRelationship } from '../../../model/relationship-type';
import type { EntityWrite, LinkWrite } from './write-plan';
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
    if (!isLegalRelationship(l.type, from.type, to.type)) {
      throw new BadUserInputError(`${l.type} cannot go from a ${from.type} to a ${to.type}`, `${l.path}.relationship`);
    }
    if (l.from === l.to) throw new BadUserInputError(`${l.from} cannot be related to itself`, `${l.path}.to`);
  }
}
