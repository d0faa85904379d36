import { GraphQLRequestError } from './client';

/**
 * Runs `request(n)` with n = `start`, and when the server refuses it as QUERY_TOO_COMPLEX (its
 * estimated cost over MAX_QUERY_COST), again with an n scaled down by the cost and limit the
 * answer names (halved when it names none), until it fits or n is 1. Resolves with the answer and
 * the n that fitted, for the following pages. The server's cost model stays the server's: the CLI
 * only learns from its answers.
 */
export async function fitToCost<T>(start: number, request: (n: number) => Promise<T>): Promise<{ result: T; size: number }> {
  let n = start;
  for (;;) {
    try {
      return { result: await request(n), size: n };
    } catch (err) {
      if (!(err instanceof GraphQLRequestError) || n <= 1) throw err;
      const ext = err.errors[0]?.extensions;
      if (ext?.code !== 'QUERY_TOO_COMPLEX' || ext.maxDepth !== undefined) throw err;
      const cost = Number(ext.cost);
      const max = Number(ext.maxCost);
      const scaled = cost > 0 && max > 0 ? Math.floor((n * max * 0.9) / cost) : Math.floor(n / 2);
      n = Math.max(1, Math.min(n - 1, scaled));
    }
  }
}
