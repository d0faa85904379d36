import { ENTITY_TYPES } from '../../src/model/entity-type';
import { isLegalRelationship, RELATION_FIELDS, RELATIONSHIP_RULES, RelationshipType } from '../../src/model/relationship-type';

describe('relationship tables', () => {
  it('every relationship field matches a legal stored edge in its direction', () => {
    for (const type of ENTITY_TYPES) {
      for (const f of RELATION_FIELDS[type]) {
        const [from, to] = f.direction === 'out' ? [type, f.target] : [f.target, type];
        expect({ field: `${type}.${f.field}`, legal: isLegalRelationship(f.type, from, to) }).toEqual({
          field: `${type}.${f.field}`,
          legal: true,
        });
      }
    }
  });

  it('every legal edge is visible from both ends as some field', () => {
    for (const rule of RELATIONSHIP_RULES) {
      const fromSide = RELATION_FIELDS[rule.from].some((f) => f.type === rule.type && f.direction === 'out' && f.target === rule.to);
      const toSide = RELATION_FIELDS[rule.to].some((f) => f.type === rule.type && f.direction === 'in' && f.target === rule.from);
      expect({ rule, fromSide, toSide }).toEqual({ rule, fromSide: true, toSide: true });
    }
  });

  it('field names are unique per type and every relationship type has a rule', () => {
    for (const type of ENTITY_TYPES) {
      const names = RELATION_FIELDS[type].map((f) => f.field);
      expect(new Set(names).size).toBe(names.length);
    }
    for (const t of Object.values(RelationshipType)) expect(RELATIONSHIP_RULES.some((r) => r.type === t)).toBe(true);
  });

  it('rejects combinations outside the table', () => {
    expect(isLegalRelationship(RelationshipType.INPUT_OF, 'DATASET' as any, 'TRAINING_RUN' as any)).toBe(true);
    expect(isLegalRelationship(RelationshipType.INPUT_OF, 'TRAINING_RUN' as any, 'DATASET' as any)).toBe(false);
    expect(isLegalRelationship(RelationshipType.DEPLOYED_TO, 'DATASET' as any, 'DEPLOYMENT' as any)).toBe(false);
  });
});
