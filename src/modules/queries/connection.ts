import { FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import type { PageInfo } from './page-info.type';
import { COUNT_WEIGHT } from '../../limits/cost';

/** What the list services return: one page of edges and a way to count the whole list. */
export interface Connection<E extends { cursor: string }> {
  edges: E[];
  pageInfo: PageInfo;
  /** Counts every match (one more statement); run only when a client selects `totalCount`. */
  countAll: () => Promise<number>;
}

/**
 * Assembles a connection from the edges of one page. `hasNextPage` comes from the caller, who
 * fetched one row more than the page size; the count runs at most once, however often it is asked.
 */
export function connection<E extends { cursor: string }>(
  edges: E[],
  hasNextPage: boolean,
  after: string | null | undefined,
  countAll: () => Promise<number>,
): Connection<E> {
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countAll: () => (counted ??= countAll()),
  };
}

/** Adds `totalCount` to the connection type `cls`, resolved lazily through `Connection.countAll`. */
export function totalCountResolver(cls: ClassType, description: string): ClassType {
  @Resolver(() => cls)
  class TotalCountResolver {
    @FieldResolver(() => Int, { description, complexity: COUNT_WEIGHT })
    totalCount(@Root() root: Connection<{ cursor: string }>): Promise<number> {
      return root.countAll();
    }
  }
  Object.defineProperty(TotalCountResolver, 'name', { value: `${cls.name}TotalCountResolver` });
  return TotalCountResolver;
}
