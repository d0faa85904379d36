import { ArgsType, Field, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DEFAULT_STATUSES, Status } from '../../model/entity-type';
import { RELATION_MAX_FIRST } from '../../modules/entities/graphql/relation-fields.resolver';

/** Which versions of a group count: by status, and as the group was at an instant. */
@ArgsType()
export class LatestVersionArgs {
  @Field(() => [Status], {
    defaultValue: [...DEFAULT_STATUSES],
    description: 'Only versions with these statuses; ARCHIVED versions are left out unless listed.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsEnum(Status, { each: true })
  statuses!: Status[];

  @Field(() => Date, {
    nullable: true,
    description: 'The members as they were at this instant (MEMBER_OF edges open then). Absent: the members now. Labels, sort ids and statuses are the current ones.',
  })
  @IsOptional()
  asOf?: Date | null;
}

@ArgsType()
export class GroupVersionsArgs extends LatestVersionArgs {
  @Field(() => Int, { nullable: true, description: `At most this many, newest first (0 to ${RELATION_MAX_FIRST}); absent: up to ${RELATION_MAX_FIRST}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(RELATION_MAX_FIRST)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only the versions after this one in the order (the URN of the last version of the previous slice).' })
  @IsOptional()
  @IsString()
  after?: string | null;
}
