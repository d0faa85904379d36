import { ArgsType, Field, Int } from 'type-graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `first` a list accepts; more is BAD_USER_INPUT on `first`. */
export const MAX_PAGE_SIZE = 500;

/** Relay forward paging (`first`/`after`), shared by every connection of the API. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many edges to return (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; 0 returns only totalCount and pageInfo).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Opaque cursor: the `endCursor` of the previous page; the page starts after it. Absent for the first page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  after?: string | null;
}

/** The page size `args` asks for (validation has already bounded it). */
export function pageSize(args: PageArgs): number {
  return args.first ?? DEFAULT_PAGE_SIZE;
}
