import { TransformationType, type ColumnRef, type ColumnWrite, type SchemaColumn, type TransformationSubtype } from '../../model/columns';
import { kindOf, type EntityType } from '../../model/entity-type';

interface RefInput {
  dataset: string;
  field: string;
}
interface LineageInput {
  field: string;
  inputFields: (RefInput & { transformations?: { type: TransformationType; subtype?: TransformationSubtype | null; description?: string | null; masking?: boolean | null }[] | null })[];
}

/**
 * What an upsert input of `type` says about columns, from the fields its kind declares
 * (`columns` in its declaration); undefined when it says nothing. A field given as null replaces
 * with nothing, like an empty list. Duplicates are dropped (the first wins).
 */
export function columnWriteOf(type: EntityType, input: Record<string, unknown>): ColumnWrite | undefined {
  const declared = kindOf(type).columns;
  if (!declared) return undefined;
  const out: ColumnWrite = {};
  if (declared.schema && input[declared.schema] !== undefined) {
    const fields = (input[declared.schema] ?? []) as { name: string; type: string; description?: string | null }[];
    const seen = new Map<string, SchemaColumn>();
    for (const f of fields) if (!seen.has(f.name)) seen.set(f.name, { fieldPath: f.name, type: f.type, description: f.description ?? null });
    out.schema = [...seen.values()];
  }
  if (declared.lineage && input[declared.lineage] !== undefined) {
    const given = (input[declared.lineage] ?? []) as LineageInput[];
    const links = new Map<string, NonNullable<ColumnWrite['lineage']>[number]>();
    for (const out of given) {
      for (const i of out.inputFields) {
        const key = JSON.stringify([out.field, i.dataset, i.field]);
        if (links.has(key)) continue;
        const transformations = (i.transformations ?? []).map((t) => ({
          type: t.type ?? TransformationType.DIRECT,
          subtype: t.subtype ?? null,
          description: t.description ?? null,
          masking: Boolean(t.masking),
        }));
        links.set(key, { field: out.field, input: { dataset: i.dataset, field: i.field }, transformations });
      }
    }
    out.lineage = [...links.values()];
  }
  if (declared.reads && input[declared.reads] !== undefined) {
    const given = (input[declared.reads] ?? []) as RefInput[];
    const refs = new Map<string, ColumnRef>();
    for (const r of given) refs.set(JSON.stringify([r.dataset, r.field]), { dataset: r.dataset, field: r.field });
    out.reads = [...refs.values()];
  }
  return Object.keys(out).length ? out : undefined;
}
