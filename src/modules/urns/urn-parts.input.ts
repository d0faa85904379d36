import { Field, InputType } from 'type-graphql';
import { KINDS } from '../../kinds';
import type { KeySlot } from '../../model/urn-scheme';
import { Env } from '../entities/graphql/enums';

/** Every key part any kind of entity has, by field name, with the types whose URNs use it. */
export const KEY_PARTS: ReadonlyMap<string, { slot: KeySlot; types: string[] }> = (() => {
  const parts = new Map<string, { slot: KeySlot; types: string[] }>();
  for (const kind of KINDS) {
    for (const slot of kind.urn.key) {
      const seen = parts.get(slot.field);
      if (seen) seen.types.push(kind.type);
      else parts.set(slot.field, { slot, types: [kind.type] });
    }
  }
  return parts;
})();

/**
 * The parts of a URN, one optional field per key part of any kind of entity (derived from the
 * declarations of src/kinds/, so a new kind's parts appear here by themselves). `urn(type, parts)`
 * says which ones a type needs.
 */
@InputType({ description: 'The parts of an entity URN; which ones a type needs is in the `urn` query\'s description and errors.' })
export class UrnPartsInput {
  [part: string]: string | undefined;
}

const proto = UrnPartsInput.prototype;
for (const [field, { slot, types }] of KEY_PARTS) {
  const env = slot.kind === 'env';
  Reflect.defineMetadata('design:type', String, proto, field);
  Field(() => (env ? Env : String), {
    nullable: true,
    description: `${env ? "DataHub's fabric (PROD when absent)" : slot.kind === 'urn' ? `URN of the ${slot.of} it belongs to` : slot.kind === 'platform' ? 'Data platform, e.g. snowflake (without urn:li:dataPlatform:)' : `The ${field}`}: a key part of ${types.join(', ')} URNs.`,
  })(proto, field);
}
