import { useEffect, useState } from 'react';
import { GqlFailure, gql, type GqlAnswer } from './client';
import { claimPrefetched } from './prefetch';
import { useTokenState } from './token';

export interface QueryState<T> {
  data?: T;
  warnings?: NonNullable<GqlAnswer<T>['extensions']>['warnings'];
  error?: GqlFailure;
  loading: boolean;
}

/**
 * Runs `query` with `variables` and re-runs it when either changes or a new token is saved; a
 * null query runs nothing. An answer that arrives after its question changed is dropped. An answer
 * `prefetch` started for the same query and variables is used instead of asking again.
 */
export function useGql<T>(query: string | null, variables: Record<string, unknown> = {}): QueryState<T> {
  const { version } = useTokenState();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({ loading: query !== null });
  useEffect(() => {
    if (query === null) return setState({ loading: false });
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const vars = JSON.parse(key) as Record<string, unknown>;
    (claimPrefetched<T>(query, vars) ?? gql<T>(query, vars, controller.signal)).then(
      (answer) => {
        if (controller.signal.aborted) return; // a prefetched answer ignores the abort signal
        setState({ data: answer.data, warnings: answer.extensions?.warnings, loading: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ loading: false, error: err instanceof GqlFailure ? err : new GqlFailure(String((err as Error)?.message ?? err), 'NETWORK') });
      },
    );
    return () => controller.abort();
  }, [query, key, version]);
  return state;
}
