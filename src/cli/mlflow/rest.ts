import { CliError, ExitCode } from '../exit-codes';
import type { MlflowExperiment, MlflowModelVersion, MlflowRegisteredModel, MlflowRun } from './types';

export interface MlflowAuth {
  /** MLFLOW_TRACKING_TOKEN: sent as a bearer token. */
  token?: string;
  /** MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD: HTTP basic auth. */
  username?: string;
  password?: string;
}

/** Page sizes: the largest each MLflow search allows (runs 50,000, experiments and models 1,000, versions 200,000). */
const PAGE = { experiments: 1000, runs: 1000, models: 1000, versions: 10_000 };

/**
 * Reads an MLflow tracking server through its REST API (/api/2.0/mlflow/), the API every MLflow
 * client uses. Only active (not deleted) experiments and runs are read. Every search is paged to
 * the end. Failures become a CliError of code SERVER naming the endpoint.
 */
export class MlflowRest {
  private readonly base: string;

  constructor(
    readonly trackingUri: string,
    private readonly auth: MlflowAuth = {},
    private readonly timeoutMs = 120_000,
  ) {
    this.base = `${trackingUri.replace(/\/+$/, '')}/api/2.0/mlflow/`;
  }

  private async call<T>(method: 'GET' | 'POST', endpoint: string, body: Record<string, unknown>): Promise<T> {
    const url = new URL(endpoint, this.base);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    else if (this.auth.username) headers.authorization = `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password ?? ''}`).toString('base64')}`;
    if (method === 'GET') {
      for (const [k, v] of Object.entries(body)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    } else {
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: method === 'POST' ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      throw new CliError(`cannot reach MLflow at ${this.trackingUri}: ${cause?.code ?? (err as Error).message}`, ExitCode.SERVER);
    }
    const text = await res.text();
    if (!res.ok) {
      const code = res.status === 401 || res.status === 403 ? ExitCode.AUTH : ExitCode.SERVER;
      throw new CliError(`MLflow ${endpoint} answered HTTP ${res.status}: ${text.slice(0, 300)}`, code);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(`MLflow ${endpoint} did not answer JSON (is ${this.trackingUri} an MLflow tracking server?)`, ExitCode.SERVER);
    }
  }

  private async all<T>(method: 'GET' | 'POST', endpoint: string, field: string, body: Record<string, unknown>): Promise<T[]> {
    const out: T[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.call<Record<string, unknown>>(method, endpoint, { ...body, page_token: pageToken });
      out.push(...(((page[field] as T[] | undefined) ?? [])));
      pageToken = (page.next_page_token as string | undefined) || undefined;
    } while (pageToken);
    return out;
  }

  /** Every active experiment. */
  experiments(): Promise<MlflowExperiment[]> {
    return this.all('POST', 'experiments/search', 'experiments', { max_results: PAGE.experiments, view_type: 'ACTIVE_ONLY' });
  }

  /** Active runs of one experiment matching an MLflow search filter ('' for all), oldest first. */
  runs(experimentId: string, filter: string): Promise<MlflowRun[]> {
    return this.all('POST', 'runs/search', 'runs', {
      experiment_ids: [experimentId],
      filter,
      max_results: PAGE.runs,
      run_view_type: 'ACTIVE_ONLY',
      order_by: ['attributes.start_time ASC'],
    });
  }

  /** Every registered model, with its tags and aliases. */
  registeredModels(): Promise<MlflowRegisteredModel[]> {
    return this.all('GET', 'registered-models/search', 'registered_models', { max_results: PAGE.models });
  }

  /** Every model version of every registered model. */
  modelVersions(): Promise<MlflowModelVersion[]> {
    return this.all('GET', 'model-versions/search', 'model_versions', { max_results: PAGE.versions });
  }
}
