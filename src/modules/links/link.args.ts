import { ArgsType, Field, ID } from 'type-graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { RelationshipType } from '../../model/relationship-type';

/** Arguments of `link` and `unlink`: one edge, in its stored direction. */
@ArgsType()
export class LinkArgs {
  @Field(() => ID, { description: 'URN of the start of the edge, e.g. the model of MEMBER_OF.' })
  @IsString()
  @Length(1, 2048)
  from!: string;

  @Field(() => RelationshipType, { description: 'Relationship type; the (type, from, to) combination must be legal.' })
  @IsEnum(RelationshipType)
  relationship!: RelationshipType;

  @Field(() => ID, { description: 'URN of the end of the edge, e.g. the model group of MEMBER_OF.' })
  @IsString()
  @Length(1, 2048)
  to!: string;
}
