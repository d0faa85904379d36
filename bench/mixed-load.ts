// A mixed read/write load against a running mlgraph over HTTP, with autocannon: entity reads, lists,
// lineage, impact and ingest batches, cycled per connection. Records every acknowledged write, so
// the caller can check afterwards that each one is stored exactly once.
import autocannon from 'autocannon';

export interface MixedLoadOptions {
  /** http://host:port/graphql of the server under load (loopback only). */
  url: string;
  connections: number;
  durationSec: number;
  /** Platform of the seeded graph the reads use (see seedLoadGraph). */
  seedPlatform: string;
  /** URNs the reads pick from: datasets at the start of the chains, models at the end. */
  datasets: string[];
  models: string[];
  /** The operations each connection cycles through (default: all of OPS, in that order). */
  ops?: readonly Op[];
  /** Datasets written per ingest request. */
  batchSize: number;
  /** Called once, at this many seconds into the run (e.g. to restart Neo4j). */
  midRun?: { atSec: number; action: () => Promise<void> };
  /** Extra request headers (e.g. authorization). */
  headers?: Record<string, string>;
  /** Called every 10 s with the answers so far (for a progress line). */
  onProgress?: (p: { atSec: number; answers: number; withErrors: number }) => void;
}

export interface MixedLoadReport {
  requests: number;
  durationSec: number;
  throughputPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  byOperation: Record<string, number>;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** GraphQL errors by extensions.code ('none' counts clean answers). */
  errorCodes: Record<string, number>;
  /** The first message seen for each error code (what the numbers above were). */
  errorExamples: Record<string, string>;
  /** Requests autocannon gave up on after 30 s without an answer, and connection errors (timeouts included). */
  clientTimeouts: number;
  clientErrors: number;
  /** Non-2xx answers or answers that were not JSON with data or errors. */
  uncleanResponses: number;
  /** URNs of datasets whose ingest was acknowledged (200, no errors). */
  acknowledged: string[];
  /** URNs of each ingest batch that failed or got no answer: each must be wholly stored or absent. */
  unacknowledgedBatches: string[][];
  midRunAtSec?: number;
  /** Seconds into the run of the last clean answer (no errors). */
  lastCleanAtSec?: number;
  /** Every answer: when its request was sent (seconds into the run), how long it took, its code. */
  samples: Sample[];
}

export interface Sample {
  /** Which of the mixed operations the request was. */
  op: string;
  sentAtSec: number;
  latencyMs: number;
  /** The first error's extensions.code, or 'none' for a clean answer. */
  code: string;
}

export const OPS = ['ingest', 'entity', 'list', 'lineage', 'impact'] as const;
export type Op = (typeof OPS)[number];

/** Runs the load; resolves when autocannon stops (duration reached), never earlier. */
export async function runMixedLoad(o: MixedLoadOptions): Promise<MixedLoadReport> {
  const started = Date.now();
  const acknowledged: string[] = [];
  const unacknowledgedBatches: string[][] = [];
  const statuses: Record<string, number> = {};
  const errorCodes: Record<string, number> = {};
  const errorExamples: Record<string, string> = {};
  const byOperation: Record<string, number> = {};
  let unclean = 0;
  let lastCleanAtSec: number | undefined;
  const samples: Sample[] = [];
  let writeSeq = 0;
  const pending = new Map<object, string[]>(); // per connection context: URNs of the ingest in flight
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  const runId = `${Date.now().toString(36)}`;

  const bodyFor = (op: Op, context: object): string => {
    byOperation[op] = (byOperation[op] ?? 0) + 1;
    switch (op) {
      case 'entity':
        return JSON.stringify({ query: 'query($u: ID!) { entity(urn: $u) { urn name status ... on Dataset { upstreams { urn } } } }', variables: { u: pick(o.datasets) } });
      case 'list':
        return JSON.stringify({ query: 'query($p: String!) { entities(filter: {platform: $p}, first: 20) { totalCount edges { node { urn name } } } }', variables: { p: o.seedPlatform } });
      case 'lineage':
        return JSON.stringify({ query: 'query($u: ID!) { lineage(urn: $u, direction: UPSTREAM, maxDepth: 10, first: 20) { total items { degree entity { urn } } } }', variables: { u: pick(o.models) } });
      case 'impact':
        return JSON.stringify({ query: 'query($u: ID!) { impact(urn: $u, first: 20) { total isPartial countsByType { type count } items { degree entity { urn } path { relationship } } } }', variables: { u: pick(o.datasets) } });
      case 'ingest': {
        const names = Array.from({ length: o.batchSize }, () => `load_${runId}_${writeSeq++}`);
        pending.set(context, names.map((n) => `urn:li:dataset:(urn:li:dataPlatform:loadtest,${n},PROD)`));
        return JSON.stringify({
          query: 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { created createdUrns } }',
          variables: { b: { datasets: names.map((name) => ({ platform: 'loadtest', name, upstreams: [pick(o.datasets)] })) } },
        });
      }
    }
  };

  const requests = (o.ops ?? OPS).map((op) => ({
    method: 'POST' as const,
    path: new URL(o.url).pathname,
    setupRequest: (req: any, context: any) => {
      context.sentAt = Date.now();
      return { ...req, body: bodyFor(op, context) };
    },
    onResponse: (status: number, body: string, context: any) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      const sample: Sample = { op, sentAtSec: (context.sentAt - started) / 1000, latencyMs: Date.now() - context.sentAt, code: 'UNCLEAN' };
      samples.push(sample);
      let parsed: any;
      try {
        parsed = JSON.parse(body);
      } catch {
        unclean++;
        return;
      }
      const errors: any[] = Array.isArray(parsed.errors) ? parsed.errors : [];
      sample.code = errors.length ? (errors[0]?.extensions?.code ?? 'NO_CODE') : 'none';
      if (!errors.length && !('data' in parsed)) unclean++;
      if (status >= 500) unclean++;
      for (const e of errors) {
        const code = e?.extensions?.code ?? 'NO_CODE';
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        errorExamples[code] ??= `${op}: ${String(e?.message).slice(0, 200)}`;
      }
      if (!errors.length) {
        errorCodes.none = (errorCodes.none ?? 0) + 1;
        lastCleanAtSec = (Date.now() - started) / 1000;
      }
      if (op === 'ingest') {
        const urns = pending.get(context) ?? [];
        pending.delete(context);
        if (status === 200 && !errors.length && parsed.data?.ingest) acknowledged.push(...urns);
        else unacknowledgedBatches.push(urns);
      }
    },
  }));

  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSec,
    headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
    requests,
    timeout: 30,
  });
  let midRunAtSec: number | undefined;
  const timer = o.midRun
    ? setTimeout(() => {
        midRunAtSec = (Date.now() - started) / 1000;
        o.midRun!.action().catch((err) => console.error('mid-run action failed:', err));
      }, o.midRun.atSec * 1000)
    : undefined;
  const progress = o.onProgress
    ? setInterval(() => {
        o.onProgress!({ atSec: Math.round((Date.now() - started) / 1000), answers: samples.length, withErrors: samples.filter((x) => x.code !== 'none').length });
      }, 10_000)
    : undefined;
  const result = await instance;
  if (timer) clearTimeout(timer);
  if (progress) clearInterval(progress);
  unacknowledgedBatches.push(...pending.values()); // requests cut off by the end of the run
  const durationSec = (Date.now() - started) / 1000;
  return {
    requests: result.requests.total,
    durationSec,
    throughputPerSec: Math.round((result.requests.total / durationSec) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    byOperation,
    statuses,
    errorCodes,
    errorExamples,
    clientTimeouts: result.timeouts,
    clientErrors: result.errors,
    uncleanResponses: unclean,
    acknowledged,
    unacknowledgedBatches,
    midRunAtSec,
    lastCleanAtSec,
    samples,
  };
}
