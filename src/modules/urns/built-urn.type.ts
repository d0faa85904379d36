import { Field, ID, ObjectType } from 'type-graphql';
import { Entity } from '../entities/graphql/entity.interface';
import { EntityType } from '../entities/graphql/enums';

@ObjectType({ description: 'A URN built from its parts, and the entity stored under it.' })
export class BuiltUrn {
  @Field(() => ID, { description: 'The URN, exactly as the server builds it on upsert.' })
  urn!: string;

  @Field(() => EntityType, { description: 'The kind of entity it names.' })
  type!: EntityType;

  @Field({ description: 'How URNs of this type are written, e.g. urn:li:mlFeature:(<namespace>,<name>).' })
  format!: string;

  @Field(() => Entity, { nullable: true, description: 'The entity stored under this URN, or null when none is (yet).' })
  entity?: unknown;
}
