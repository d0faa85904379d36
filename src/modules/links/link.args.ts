import { ArgsType, Field, ID } from 'type-graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { EVENT_TIME_DESCRIPTION } from '../entities/graphql/entity-input.base';
import { EdgePropertiesInput } from '../entities/graphql/edge-properties.types';
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

  @Field(() => EdgePropertiesInput, {
    nullable: true,
    description: 'What the edge records (only properties its relationship type carries). On an open edge that records something else, the edge is closed and opened again with these; absent: an open edge is kept as it is.',
  })
  @IsOptional()
  @ValidateNested()
  properties?: EdgePropertiesInput | null;

  @Field(() => Date, { nullable: true, description: EVENT_TIME_DESCRIPTION })
  @IsOptional()
  @IsDate()
  eventTime?: Date | null;
}
