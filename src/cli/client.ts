import { CliError, ExitCode, exitCodeFor } from './exit-codes';

/** The default server URL: the one `npm start` serves on. */
export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; field?: string; urns?: string[]; [k: string]: unknown };
}

/** A GraphQL answer with errors: the server refused or failed the operation. */
export class GraphQLRequestError extends CliError {
  constructor(
    readonly errors: GraphQLErrorEntry[],
    readonly httpStatus: number,
  ) {
    const first = errors[0];
    const code = first?.extensions?.code;
    super(`${code ?? `HTTP ${httpStatus}`}: ${first?.message ?? 'the server answered with an error'}`, exitCodeFor(code));
  }
}

export interface ClientOptions {
  url: string;
  token?: string;
  /** Per-request timeout. */
  timeoutMs: number;
  /** How often a request refused as busy (UNAVAILABLE with retryAfter) is sent again; default 5. */
  busyRetries?: number;
  /** Told before each such wait (the CLI prints it unless --quiet). */
  onBusy?: (waitSeconds: number, attempt: number) => void;
}

/** Longest wait between two tries of a busy request, whatever retryAfter says. */
const MAX_BUSY_WAIT_S = 30;

/** Talks to one mlgraph server over its GraphQL HTTP API (the CLI never touches Neo4j). */
export class GraphQLClient {
  constructor(readonly options: ClientOptions) {}

  /**
   * Runs one operation. Resolves with `data` when the answer has no errors; rejects with a
   * GraphQLRequestError (carrying every error) when it has some, and with a CliError of code SERVER
   * when the server cannot be reached or does not answer GraphQL. An answer that the server is
   * busy (UNAVAILABLE with extensions.retryAfter) is retried after that many seconds, up to
   * `busyRetries` times.
   */
  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const retries = this.options.busyRetries ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(query, variables);
      } catch (err) {
        // A busy server refused before doing anything (a full Neo4j pool, every walk slot taken),
        // so sending again is safe for every operation, writes included.
        const ext = err instanceof GraphQLRequestError ? err.errors[0]?.extensions : undefined;
        if (attempt > retries || ext?.code !== 'UNAVAILABLE' || typeof ext.retryAfter !== 'number') throw err;
        const wait = Math.min(MAX_BUSY_WAIT_S, Math.max(1, ext.retryAfter));
        this.options.onBusy?.(wait, attempt);
        await new Promise((r) => setTimeout(r, wait * 1000));
      }
    }
  }

  private async once<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { url, token, timeoutMs } = this.options;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? (err as Error).message);
      throw new CliError(`cannot reach mlgraph at ${url}: ${why}`, ExitCode.SERVER);
    }
    const text = await res.text();
    let body: { data?: T; errors?: GraphQLErrorEntry[] };
    try {
      body = JSON.parse(text);
    } catch {
      const code = res.status === 413 ? ExitCode.REFUSED : res.status === 401 || res.status === 403 ? ExitCode.AUTH : ExitCode.SERVER;
      const hint = res.status === 413 ? ' (the request is larger than the server\'s BODY_LIMIT; try a smaller --batch-size)' : '';
      throw new CliError(`mlgraph at ${url} answered HTTP ${res.status}${hint}: ${text.slice(0, 300)}`, code);
    }
    if (body.errors?.length) throw new GraphQLRequestError(body.errors, res.status);
    if (!res.ok || body.data === undefined) {
      throw new CliError(`mlgraph at ${url} answered HTTP ${res.status} without data`, ExitCode.SERVER);
    }
    return body.data;
  }
}
