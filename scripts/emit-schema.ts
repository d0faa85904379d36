// Writes what is derived from the code and committed: schema/schema.graphql from the type-graphql
// schema (sorted), and the relationship types of cypher/lineage/ from the kinds' declarations.
// Run: npm run schema:emit
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createSchema, printSortedSchema } from '../src/schema';
import { emitLineageCypher } from './lineage-cypher';

createSchema()
  .then((schema) => {
    const file = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
    fs.writeFileSync(file, printSortedSchema(schema));
    console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
    for (const changed of emitLineageCypher()) console.log(`wrote the lineage relationship types of ${changed}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
