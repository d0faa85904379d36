import { ArgsType, Field, ID } from 'type-graphql';
import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Status } from '../../model/entity-type';

/** Arguments of `setStatus`. */
@ArgsType()
export class SetStatusArgs {
  @Field(() => ID, { description: 'URN of the entity (any type).' })
  @IsString()
  @Length(1, 2048)
  urn!: string;

  @Field(() => Status, { description: 'The new status: DEPRECATED, ARCHIVED, or ACTIVE to reactivate.' })
  @IsEnum(Status)
  status!: Status;

  @Field(() => String, {
    nullable: true,
    description: 'Why (up to 4096 characters); stored as statusReason and in the history record.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  reason?: string | null;
}
