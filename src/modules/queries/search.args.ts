import { ArgsType, Field } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString } from 'class-validator';
import { EntityType, Status } from '../entities/graphql/enums';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './lucene';
import { PageArgs } from './page.args';

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description:
      `Words to find in names, descriptions and tags (at most ${MAX_QUERY_LENGTH} characters, ${MAX_QUERY_WORDS} words). ` +
      'Every word must match, as a whole word or a word prefix; the text is never read as Lucene syntax.',
  })
  @IsString()
  query!: string;

  @Field(() => [EntityType], { nullable: true, description: 'Entity types to include; absent or empty: every type.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(EntityType, { each: true })
  types?: EntityType[] | null;

  @Field(() => [Status], {
    nullable: true,
    description: 'Statuses to include; absent or empty: ACTIVE and DEPRECATED (ARCHIVED only when listed).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(Status, { each: true })
  statuses?: Status[] | null;
}
