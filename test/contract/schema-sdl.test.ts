import fs from 'node:fs';
import path from 'node:path';
import { GraphQLObjectType, getNamedType, isNonNullType } from 'graphql';
import { createSchema, printSortedSchema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the server builds (run `npm run schema:emit` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSortedSchema(await createSchema()));
  });

  it('types env as the Env enum (DataHub fabric) on every entity keyed by it', async () => {
    const schema = await createSchema();
    for (const name of ['Dataset', 'ModelGroup', 'Model', 'Deployment']) {
      const env = (schema.getType(name) as GraphQLObjectType).getFields().env;
      expect([name, isNonNullType(env.type), getNamedType(env.type).name]).toEqual([name, true, 'Env']);
    }
  });
});
