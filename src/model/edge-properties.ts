import type { EdgePropertyDeclaration } from './entity-kind';

// Properties of stored edges. Each is declared here once and named in the declarations of the
// relationships that carry it (src/kinds/*/*.spec.ts, `properties`); README's "Relationship
// properties" table lists which relationship carries which. A property is stored on the edge under
// its name, so closing an edge keeps what it said and as-of reads see it.

/**
 * The version of a dataset or model an edge pins: which snapshot a run read or wrote, or a model
 * was trained or evaluated on. `lineage(version:)` and `impact(version:)` follow, from the root,
 * only the edges pinned at one version.
 */
export const PINNED_VERSION: EdgePropertyDeclaration = {
  name: 'version',
  kind: 'string',
  description:
    'The version of the dataset or model used (or written), e.g. a snapshot "2024-06", a Delta or Iceberg table version, ' +
    "OpenLineage's dataset version; null when not recorded.",
};

/** How a model was made from another (the edge from the derived model to its source). */
export const DERIVATION_KIND: EdgePropertyDeclaration = {
  name: 'derivationKind',
  kind: {
    enum: 'DerivationKind',
    description: 'How a model was made from another model.',
    values: {
      FINE_TUNED: 'Trained further from the source model (fine-tuning, continued pre-training, adapters).',
      DISTILLED: 'A student model trained to imitate the source model.',
      QUANTIZED: 'The source model with lower-precision weights.',
      CONVERTED: 'The source model in another format or runtime (e.g. ONNX, TensorRT).',
      ENSEMBLE_MEMBER: 'The source model is a member of this ensemble.',
    },
  },
  description: 'How the model was made from the source model; null when not recorded.',
};

/** Every edge property the server knows, in the order the API shows them. */
export const EDGE_PROPERTY_LIST: readonly EdgePropertyDeclaration[] = [PINNED_VERSION, DERIVATION_KIND];

/** The declared edge properties among an edge's stored properties (validFrom and the like left out). */
export function declaredEdgeProps(stored: Readonly<Record<string, unknown>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of EDGE_PROPERTY_LIST) {
    const v = stored?.[p.name];
    if (v != null) out[p.name] = String(v);
  }
  return out;
}

/** Whether two edges carry the same declared properties (absent and null are the same). */
export function sameEdgeProps(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): boolean {
  return EDGE_PROPERTY_LIST.every((p) => (a?.[p.name] ?? null) === (b?.[p.name] ?? null));
}
