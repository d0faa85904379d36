import { Field, ObjectType } from 'type-graphql';
import { RelationshipType } from '../../model/relationship-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';

@ObjectType({ description: 'The edge a link or unlink addressed, with both ends as stored afterwards.' })
export class LinkResult {
  @Field(() => Entity, { description: 'The start of the edge.' })
  from!: EntityRecord;

  @Field(() => RelationshipType, { description: 'The relationship type.' })
  relationship!: RelationshipType;

  @Field(() => Entity, { description: 'The end of the edge.' })
  to!: EntityRecord;

  @Field({
    description:
      'True when an edge was opened (link) or closed (unlink); false when it already was, so nothing was written.',
  })
  changed!: boolean;
}
