import { KINDS } from '../../src/kinds';
import { defineKind, type EntityKind } from '../../src/model/entity-kind';
import { ENTITY_TYPES } from '../../src/model/entity-type';
import {
  isLegalRelationship,
  relationTables,
  RELATION_FIELDS,
  RELATIONSHIP_RULES,
  RelationshipType,
} from '../../src/model/relationship-type';
import { partKey, urnScheme } from '../../src/model/urn-scheme';

/** A made-up kind that declares `relationships`. */
const probe = (type: string, relationships: EntityKind['relationships']): EntityKind =>
  defineKind({
    type,
    label: type,
    urn: urnScheme(type.toLowerCase(), partKey('id')),
    fields: {},
    relationships,
    ingestList: type.toLowerCase(),
    graphql: { noun: type, objectType: async () => Object, input: async () => Object },
  });

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
    expect(isLegalRelationship(RelationshipType.INPUT_OF, 'DATASET' as any, 'RUN' as any)).toBe(true);
    expect(isLegalRelationship(RelationshipType.INPUT_OF, 'RUN' as any, 'DATASET' as any)).toBe(false);
    expect(isLegalRelationship(RelationshipType.DEPLOYED_TO, 'DATASET' as any, 'DEPLOYMENT' as any)).toBe(false);
  });

  it('keeps the fields of the previous release in their order (tabs of a UI), new ones after them', () => {
    // Dataset's other ends follow the order of the kinds that declare them (features, models, runs).
    const before: Record<string, string[]> = {
      DATASET: ['upstreams', 'downstreams', 'derivedFeatures', 'trainedModels', 'evaluatedModels', 'inputOf', 'outputOf'],
      FEATURE: ['sources', 'featureTables', 'models'],
      FEATURE_TABLE: ['features'],
      MODEL_GROUP: ['models'],
      MODEL: ['groups', 'features', 'trainingRuns', 'trainingDatasets', 'evaluationDatasets', 'deployments'],
      EXPERIMENT: ['runs'],
      RUN: ['inputs', 'outputs', 'experiment', 'parentRun', 'childRuns', 'inputModels', 'job', 'models'], // was TRAINING_RUN
      DEPLOYMENT: ['models'],
    };
    for (const [type, fields] of Object.entries(before)) {
      expect([type, RELATION_FIELDS[type as keyof typeof RELATION_FIELDS].slice(0, fields.length).map((f) => f.field)]).toEqual([type, fields]);
    }
  });

  describe('derived from the declarations', () => {
    const a = probe('A', [
      { field: 'bs', relationship: 'LINKS', direction: 'out', target: 'B', description: 'Bs.', reverse: { field: 'as', description: 'As.' } },
      { field: 'parent', relationship: 'CHILD', direction: 'out', target: 'A', single: true, description: 'P.', reverse: { field: 'children', description: 'C.' } },
    ]);
    const b = probe('B', [{ field: 'cs', relationship: 'LINKS', direction: 'out', target: 'A', description: 'Cs.', reverse: { field: 'ds', description: 'Ds.' } }]);

    it('gives every declaration a field on both ends, one rule, and one relationship type however many pairs it joins', () => {
      const t = relationTables([a, b]);
      expect(t.types).toEqual(['LINKS', 'CHILD']);
      expect(t.rules).toEqual([
        { type: 'LINKS', from: 'A', to: 'B' },
        { type: 'CHILD', from: 'A', to: 'A' },
        { type: 'LINKS', from: 'B', to: 'A' },
      ]);
      expect(t.fields.A.map((f) => [f.field, f.direction, f.target, Boolean(f.input), Boolean(f.single)])).toEqual([
        ['bs', 'out', 'B', true, false],
        ['parent', 'out', 'A', true, true],
        ['children', 'in', 'A', false, false],
        ['ds', 'in', 'B', false, false],
      ]);
      expect(t.fields.B.map((f) => [f.field, f.direction, f.target])).toEqual([
        ['cs', 'out', 'A'],
        ['as', 'in', 'A'],
      ]);
    });

    it('refuses a target no kind declares, one stored relationship declared twice, and a field name twice on one kind', () => {
      expect(() => relationTables([a])).toThrow('A.bs targets B, which no kind declares');
      const again = probe('B', [{ field: 'es', relationship: 'LINKS', direction: 'in', target: 'A', description: '.', reverse: { field: 'fs', description: '.' } }]);
      expect(() => relationTables([a, again])).toThrow('LINKS from A to B is declared twice (again as B.es)');
      const clash = probe('C', [
        { field: 'x', relationship: 'R', direction: 'out', target: 'C', description: '.', reverse: { field: 'x', description: '.' } },
      ]);
      expect(() => relationTables([clash])).toThrow('C declares the relationship field x twice');
    });

    it('derives the tables the server uses from the kinds it lists', () => {
      const t = relationTables(KINDS);
      expect([t.types, t.rules, t.fields]).toEqual([Object.values(RelationshipType), RELATIONSHIP_RULES, RELATION_FIELDS]);
    });
  });
});
