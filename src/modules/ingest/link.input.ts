import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { RelationshipType } from '../../model/relationship-type';

@InputType({ description: 'One edge to open: (from)-[relationship]->(to), in its stored direction.' })
export class LinkInput {
  @Field(() => ID, { description: 'URN of the start of the edge (may be created by the same batch).' })
  @IsString()
  @Length(1, 2048)
  from!: string;

  @Field(() => RelationshipType, { description: 'Relationship type; the (type, from, to) combination must be legal.' })
  @IsEnum(RelationshipType)
  relationship!: RelationshipType;

  @Field(() => ID, { description: 'URN of the end of the edge (may be created by the same batch).' })
  @IsString()
  @Length(1, 2048)
  to!: string;
}
