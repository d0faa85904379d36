import { BadUserInputError } from '../../errors/errors';
import type { EntityType } from '../../model/entity-type';
import { parseUrn, urnFormatOf, urnProblem, type ParsedUrn } from '../../model/urn';

/**
 * The URN a client sent in `field`, read; BAD_USER_INPUT naming the field, the expected format and
 * the part that is wrong when it is no URN mlgraph stores, or not one of `type` when given. Reads
 * and writes both use it, so a typo never looks like an entity that does not exist.
 */
export function requireUrn(urn: string, field: string, type?: EntityType): ParsedUrn {
  const parsed = parseUrn(urn);
  if (!parsed) throw new BadUserInputError(urnProblem(urn)!, field, { urn });
  if (type && parsed.type !== type) {
    throw new BadUserInputError(`${field} takes ${type} URNs (${urnFormatOf(type)}); "${urn}" is a ${parsed.type} URN`, field, { urn });
  }
  return parsed;
}
