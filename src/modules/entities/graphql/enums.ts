import { registerEnumType } from 'type-graphql';
import { Env } from '../../../model/env';
import { EntityType, FORMER_TYPES, Status } from '../../../model/entity-type';
import { RelationshipType } from '../../../model/relationship-type';

registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kinds of entity in the ML metadata graph.',
  valuesConfig: Object.fromEntries([...FORMER_TYPES].map(([name, { type, reason }]) => [name, { description: `Read as ${type}.`, deprecationReason: reason }])),
});
registerEnumType(Env, { name: 'Env', description: "DataHub's fabric: the environment an entity belongs to." });
registerEnumType(Status, {
  name: 'Status',
  description: 'Lifecycle status. ARCHIVED entities leave default lists, searches and lineage walks but stay readable by URN.',
});
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'Relationship types, each stored in one direction (see README, "The model").',
});

export { Env, EntityType, Status, RelationshipType };
