import { EntityType } from '../src/model/entity-type';
import { rng, type GeneratedEntity } from './generate';

/** Columns per dataset in the column benchmark graph. */
export const COLUMNS_PER_DATASET = 20;
/** Share of derived datasets left without column lineage (their hops fall back to DATASET precision). */
export const UNMAPPED_SHARE = 0.1;

const fieldsOf = () => Array.from({ length: COLUMNS_PER_DATASET }, (_, k) => ({ name: `c_${k}`, type: k % 3 ? 'string' : 'double' }));

/**
 * The entities of `graph` (bench/generate.ts's mlGraph) with columns and column lineage added the
 * way real platforms have them: every dataset has COLUMNS_PER_DATASET columns; a derived dataset's
 * column c_k is made from column c_k or c_(k+1) of one of its upstreams (IDENTITY or
 * TRANSFORMATION, some also filtered on another column), except for UNMAPPED_SHARE of them; a
 * run's predictions are made from two columns of one of its inputs; a feature reads one or two
 * columns of its first source; a model reads three columns of its first training dataset besides
 * its features. Deterministic for a seed.
 */
export function* withColumns(graph: Iterable<GeneratedEntity>, seed = 11): Generator<GeneratedEntity> {
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  let heldPredictions: GeneratedEntity | null = null;
  for (const e of graph) {
    const input = { ...e.input };
    if (e.type === EntityType.DATASET) {
      input.schemaFields = fieldsOf();
      const ups = (input.upstreams as string[] | undefined) ?? [];
      if (ups.length && r() >= UNMAPPED_SHARE) {
        input.columnLineage = fieldsOf().map((f, k) => {
          const from = ups[pick(ups.length)];
          const inputFields = [{ dataset: from, field: `c_${(k + pick(2)) % COLUMNS_PER_DATASET}`, transformations: [{ type: 'DIRECT', subtype: r() < 0.5 ? 'IDENTITY' : 'TRANSFORMATION' }] }];
          if (r() < 0.2) inputFields.push({ dataset: from, field: `c_${pick(COLUMNS_PER_DATASET)}`, transformations: [{ type: 'INDIRECT', subtype: 'FILTER' }] });
          return { field: f.name, inputFields };
        });
      }
      if (String(input.name).includes('.predictions.')) {
        heldPredictions = { type: e.type, input };
        continue; // its lineage comes from the run that writes it, which follows
      }
    }
    if (e.type === EntityType.RUN && heldPredictions) {
      const from = (input.inputs as string[])[0];
      heldPredictions.input.columnLineage = ['c_0', 'c_1'].map((field, k) => ({
        field,
        inputFields: [{ dataset: from, field: `c_${(k * 7 + pick(COLUMNS_PER_DATASET)) % COLUMNS_PER_DATASET}`, transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION' }] }],
      }));
      yield heldPredictions;
      heldPredictions = null;
    }
    if (e.type === EntityType.FEATURE) {
      const source = (input.sources as string[])[0];
      const first = pick(COLUMNS_PER_DATASET);
      input.sourceColumns = [...new Set([first, (first + 1 + pick(3)) % COLUMNS_PER_DATASET])].slice(0, 1 + pick(2)).map((k) => ({ dataset: source, field: `c_${k}` }));
    }
    if (e.type === EntityType.MODEL) {
      const training = (input.trainingDatasets as string[] | undefined)?.[0];
      if (training) input.inputColumns = [...new Set([pick(COLUMNS_PER_DATASET), pick(COLUMNS_PER_DATASET), pick(COLUMNS_PER_DATASET)])].map((k) => ({ dataset: training, field: `c_${k}` }));
    }
    yield { type: e.type, input };
  }
}

/** The same entities with every column field removed: what entity ingest sends without columns. */
export function* withoutColumns(graph: Iterable<GeneratedEntity>): Generator<GeneratedEntity> {
  for (const e of graph) {
    const { schemaFields: _s, columnLineage: _l, sourceColumns: _f, inputColumns: _m, ...input } = e.input;
    yield { type: e.type, input };
  }
}
