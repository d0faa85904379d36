import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import type { Metrics } from './metrics';

/** Counts one error sent to a client: by code, and by limit when a limit refused the request. */
export function countError(metrics: Metrics, extensions: Record<string, unknown> | undefined): void {
  const code = typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  metrics.errors.inc({ code });
  const limit = typeof extensions?.limit === 'string' ? extensions.limit : code === 'QUERY_TOO_COMPLEX' ? 'other' : undefined;
  if (limit) metrics.refusals.inc({ limit });
}

/**
 * Counts every operation Apollo answers (by name and type: query, mutation, or none when it was
 * refused before an operation was known), its time, and the codes of the errors it answers with.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const type = operation?.operation ?? 'none';
          const labels = { operation: operation ? metrics.operationLabel(operationName) : '(none)', type };
          metrics.requests.inc(labels);
          metrics.requestSeconds.observe(labels, (performance.now() - started) / 1000);
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          for (const e of errors ?? []) countError(metrics, e.extensions);
        },
      };
    },
  };
}
