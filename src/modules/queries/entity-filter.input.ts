import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { EntityType, Env, Status } from '../entities/graphql/enums';

@InputType({ description: 'Narrows entities(...). Every criterion given must hold; absent ones do not filter.' })
export class EntityFilter {
  @Field(() => [EntityType], { nullable: true, description: 'Entity types to include; absent or empty: every type.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(EntityType, { each: true })
  types?: EntityType[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Data platform, exactly (e.g. "mlflow"). Features, experiments and runs have none, so never match.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  platform?: string | null;

  @Field(() => Env, { nullable: true, description: 'Environment. Features, feature tables, experiments and runs have none, so never match.' })
  @IsOptional()
  @IsEnum(Env)
  env?: Env | null;

  @Field(() => [Status], {
    nullable: true,
    description: 'Statuses to include; absent or empty: ACTIVE and DEPRECATED (ARCHIVED only when listed).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(Status, { each: true })
  statuses?: Status[] | null;

  @Field(() => String, { nullable: true, description: 'Only entities carrying this tag (exact, case-sensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entities with this owner id among their owners (exact).' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entities whose name starts with this text (case-sensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  namePrefix?: string | null;
}
