/**
 * Which way data flows along each stored lineage relationship, as the server declares it in
 * src/modules/lineage/lineage-steps.ts (a contract test keeps the two equal). 'along': downstream
 * follows the stored direction (a dataset is INPUT_OF a run: dataset -> run). 'against': the
 * stored edge points upstream (a model is TRAINED_BY a run: run -> model).
 */
export const FLOW: Readonly<Record<string, 'along' | 'against'>> = {
  INPUT_OF: 'along',
  OUTPUT_OF: 'against',
  TRAINED_BY: 'against',
  TRAINED_ON: 'against',
  EVALUATED_ON: 'against',
  CONSUMES: 'against',
  DERIVED_FROM: 'against',
  DEPENDS_ON: 'against',
  CONTAINS: 'along',
  DEPLOYED_TO: 'along',
  MEMBER_OF: 'along',
};

/**
 * The ends of a stored edge in the direction data flows (upstream -> downstream), so a drawing
 * laid out left to right reads from sources to consumers. A relationship the table does not know
 * keeps its stored direction.
 */
export function flowEnds(edge: { from: string; relationship: string; to: string }): { source: string; target: string } {
  return FLOW[edge.relationship] === 'against' ? { source: edge.to, target: edge.from } : { source: edge.from, target: edge.to };
}
