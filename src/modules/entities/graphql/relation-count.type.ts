import { Field, Int, ObjectType } from 'type-graphql';
import { RelationshipType } from '../../../model/relationship-type';

@ObjectType({ description: "The size of one of an entity's relationship lists." })
export class RelationCount {
  @Field({ description: 'The relationship field, e.g. "downstreams" or "inputOf".' })
  field!: string;

  @Field(() => RelationshipType, { description: 'The stored relationship behind it.' })
  relationship!: RelationshipType;

  @Field(() => Int, { description: 'How many entities the field lists now (open edges).' })
  count!: number;
}
