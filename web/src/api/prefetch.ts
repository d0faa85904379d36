import { gql, type GqlAnswer } from './client';
import { currentToken } from './token';

/** How long an unclaimed early answer is kept (a page that never mounted leaves one behind). */
const KEEP_MS = 15_000;

const early = new Map<string, { answer: Promise<GqlAnswer<unknown>>; at: number }>();

function keyOf(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify([query, variables, currentToken()]);
}

/**
 * Sends a query before the component that needs it has loaded (its code is split out), so the
 * server works while the browser fetches the code. The component claims the answer with
 * `claimPrefetched`; asking twice for the same query sends it once.
 */
export function prefetch(query: string, variables: Record<string, unknown>): void {
  const now = Date.now();
  for (const [k, v] of early) if (now - v.at > KEEP_MS) early.delete(k);
  const key = keyOf(query, variables);
  if (early.has(key)) return;
  const answer = gql<unknown>(query, variables);
  answer.catch(() => undefined); // claimed later, or dropped: never an unhandled rejection
  early.set(key, { answer, at: now });
}

/** The answer `prefetch` started for exactly this query, variables and token, once; else undefined. */
export function claimPrefetched<T>(query: string, variables: Record<string, unknown>): Promise<GqlAnswer<T>> | undefined {
  const key = keyOf(query, variables);
  const hit = early.get(key);
  if (!hit) return undefined;
  early.delete(key);
  return Date.now() - hit.at > KEEP_MS ? undefined : (hit.answer as Promise<GqlAnswer<T>>);
}
