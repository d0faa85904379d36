import { EntityType } from '../../src/model/entity-type';
import { RELATIONSHIP_RULES, RelationshipType } from '../../src/model/relationship-type';
import {
  expandableTypes,
  LINEAGE_RELATIONSHIPS,
  LINEAGE_STEPS,
  lineageSteps,
  LineageDirection,
  NOT_LINEAGE,
  stepTypes,
  storedEnds,
} from '../../src/modules/lineage/lineage-steps';

const { DATASET, FEATURE, FEATURE_TABLE, MODEL_GROUP, MODEL, RUN, DEPLOYMENT } = EntityType;
/** The kinds of the first release, whose lineage these tests pin down. */
const FIRST_KINDS = [DATASET, FEATURE, FEATURE_TABLE, MODEL_GROUP, MODEL, EntityType.EXPERIMENT, RUN, DEPLOYMENT];
const R = RelationshipType;

describe('LINEAGE_STEPS', () => {
  it('classifies every relationship type as lineage or not, never both', () => {
    const classified = [...LINEAGE_RELATIONSHIPS, ...NOT_LINEAGE].sort();
    expect(classified).toEqual(Object.values(RelationshipType).sort());
    expect(NOT_LINEAGE.filter((t) => LINEAGE_STEPS[t])).toEqual([]);
  });

  it('gives the downstream steps of the issue, type to type ("what is affected if it changes")', () => {
    // Each stored rule, read downstream: along the edge or against it (among these kinds; kinds
    // declared later bring steps of their own).
    const kinds = new Set<string>(FIRST_KINDS);
    const steps = RELATIONSHIP_RULES.filter((r) => LINEAGE_STEPS[r.type] && kinds.has(r.from) && kinds.has(r.to)).map((r) =>
      LINEAGE_STEPS[r.type] === 'along' ? `${r.from} -${r.type}-> ${r.to}` : `${r.to} -${r.type}-> ${r.from}`,
    );
    expect(steps.sort()).toEqual(
      [
        `${MODEL} -MEMBER_OF-> ${MODEL_GROUP}`,
        `${FEATURE} -CONSUMES-> ${MODEL}`,
        `${RUN} -TRAINED_BY-> ${MODEL}`,
        `${DATASET} -TRAINED_ON-> ${MODEL}`,
        `${DATASET} -EVALUATED_ON-> ${MODEL}`,
        `${MODEL} -DEPLOYED_TO-> ${DEPLOYMENT}`,
        `${DATASET} -INPUT_OF-> ${RUN}`,
        `${RUN} -OUTPUT_OF-> ${DATASET}`,
        `${MODEL} -INPUT_OF-> ${RUN}`,
        `${MODEL} -DERIVED_FROM-> ${MODEL}`,
        `${DATASET} -DERIVED_FROM-> ${FEATURE}`,
        `${DATASET} -DERIVED_FROM-> ${DATASET}`,
        `${FEATURE_TABLE} -CONTAINS-> ${FEATURE}`,
      ].sort(),
    );
  });

  it('makes upstream the exact reverse of downstream', () => {
    const down = stepTypes(LineageDirection.DOWNSTREAM);
    const up = stepTypes(LineageDirection.UPSTREAM);
    expect(up.outgoing).toEqual(down.incoming);
    expect(up.incoming).toEqual(down.outgoing);
    expect([...down.outgoing, ...down.incoming].sort()).toEqual([...LINEAGE_RELATIONSHIPS].sort());
  });

  it('knows which types end every path, per direction', () => {
    const { EXPERIMENT } = EntityType;
    const ends = (d: LineageDirection) => FIRST_KINDS.filter((t) => !expandableTypes(d).has(t)).sort();
    expect(ends(LineageDirection.DOWNSTREAM)).toEqual([DEPLOYMENT, EXPERIMENT, MODEL_GROUP].sort());
    expect(ends(LineageDirection.UPSTREAM)).toEqual([EXPERIMENT, FEATURE_TABLE].sort());
  });

  it('maps a walked hop back to the stored edge', () => {
    const hop = { from: 'run', to: 'model', relationship: R.TRAINED_BY };
    expect(storedEnds(LineageDirection.DOWNSTREAM, hop)).toEqual({ start: 'model', end: 'run' });
    expect(storedEnds(LineageDirection.UPSTREAM, { from: 'model', to: 'run', relationship: R.TRAINED_BY })).toEqual({
      start: 'model',
      end: 'run',
    });
    expect(storedEnds(LineageDirection.DOWNSTREAM, { from: 'ds', to: 'run', relationship: R.INPUT_OF })).toEqual({
      start: 'ds',
      end: 'run',
    });
    expect(() => storedEnds(LineageDirection.DOWNSTREAM, { from: 'a', to: 'b', relationship: R.PART_OF })).toThrow();
  });

  it('takes each step from the declarations, and refuses two declarations of one type that disagree', () => {
    expect(lineageSteps([{ type: 'X', from: 'A', to: 'B', lineage: 'along' }, { type: 'X', from: 'C', to: 'B', lineage: 'along' }, { type: 'Y', from: 'A', to: 'A' }])).toEqual({
      X: 'along',
    });
    expect(() => lineageSteps([{ type: 'X', from: 'A', to: 'B', lineage: 'along' }, { type: 'X', from: 'C', to: 'B' }])).toThrow(
      'the declarations of X disagree on its lineage step: along, none',
    );
  });
});
