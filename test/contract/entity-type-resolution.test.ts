import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { KINDS } from '../../src/kinds';
import { createSchema } from '../../src/schema';

// Every value of an entity interface (impact items, hop ends, page nodes) is resolved to its object
// type synchronously: a promise there made graphql-js wait on each one and on everything holding it.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const interfaces = () =>
  Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLInterfaceType => t instanceof GraphQLInterfaceType && (t.name === 'Entity' || t.getInterfaces().some((i) => i.name === 'Entity')),
  );

describe('entity interfaces resolve the object type synchronously', () => {
  it.each(KINDS.map((k) => [k.type]))('an entity of type %s resolves, without a promise, to its object type', (type) => {
    const entity = schema.getType('Entity') as GraphQLInterfaceType;
    const name = entity.resolveType!({ urn: 'urn:x', type }, {}, {} as never, entity);
    expect(typeof name).toBe('string');
    const object = schema.getType(name as string);
    expect(object).toBeInstanceOf(GraphQLObjectType);
    expect((object as GraphQLObjectType).getInterfaces().map((i) => i.name)).toContain('Entity');
  });

  it('the interface a former kind keeps resolves a run to Run, without a promise', () => {
    const names = interfaces().map((i) => i.name);
    expect(names).toContain('TrainingRun');
    const former = schema.getType('TrainingRun') as GraphQLInterfaceType;
    expect(former.resolveType!({ urn: 'urn:x', type: 'RUN' }, {}, {} as never, former)).toBe('Run');
  });

  it('every entity interface resolves synchronously (none is left with an async resolver)', () => {
    for (const i of interfaces()) {
      const resolved = i.resolveType!({ urn: 'urn:x', type: 'RUN' }, {}, {} as never, i);
      expect(resolved).not.toBeInstanceOf(Promise);
    }
  });
});
