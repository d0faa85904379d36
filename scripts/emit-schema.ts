// Writes schema/schema.graphql from the type-graphql schema (sorted). Run: npm run schema:emit
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createSchema, printSortedSchema } from '../src/schema';

createSchema()
  .then((schema) => {
    const file = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
    fs.writeFileSync(file, printSortedSchema(schema));
    console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
