// The two servers the hostile cases run against, as processes of their own on one Neo4j.
import { randomBytes } from 'node:crypto';
import { startServerProcess, type Neo4jTarget, type ServerProcess } from '../server-process';
import type { HostileTarget, ServerKind, Tokens } from './cases';
import { gql } from './http';

/** Short request timeouts, so the slow-client cases finish quickly; every other request arrives at once. */
export const HOSTILE_SERVER_ENV = { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '3000' };

export interface HostileServer {
  kind: ServerKind;
  process: ServerProcess;
  target: HostileTarget;
  /** Token the probe (the "other client") uses. */
  probeToken?: string;
}

const secret = () => `mlg_${randomBytes(24).toString('base64url')}`;

/**
 * Starts a server of `kind` ('tokens': reader, writer and admin tokens, NODE_ENV=production; 'open':
 * no tokens on loopback) and seeds the dataset the probe reads. `root`: another built checkout to run.
 */
export async function startHostileServer(kind: ServerKind, neo4j: Neo4jTarget, timeoutMs: number, root?: string): Promise<HostileServer> {
  const tokens: Tokens = { reader: secret(), writer: secret(), admin: secret() };
  const env: Record<string, string> = { ...HOSTILE_SERVER_ENV };
  if (kind === 'tokens') {
    env.NODE_ENV = 'production';
    env.MLGRAPH_TOKENS = `hostile-ui:reader:${tokens.reader},hostile-ci:writer:${tokens.writer},hostile-ops:admin:${tokens.admin}`;
  }
  // the first server on a fresh Neo4j migrates it, which takes a while on a busy machine
  const process = await startServerProcess(neo4j, { env, root, readyWithinMs: 180_000 });
  const tag = randomBytes(4).toString('hex');
  const admin = kind === 'tokens' ? tokens.admin : undefined;
  const seeded = await gql(process.base, { query: `mutation { upsertDataset(input: {platform: "hostile", name: "probe-${kind}-${tag}"}) { urn } }` }, admin, 30_000);
  const seedUrn = seeded.body?.data?.upsertDataset?.urn;
  if (!seedUrn) {
    await process.stop();
    throw new Error(`cannot seed the ${kind} server: ${JSON.stringify(seeded.body).slice(0, 500)}`);
  }
  return {
    kind,
    process,
    probeToken: kind === 'tokens' ? tokens.reader : undefined,
    target: {
      base: process.base,
      port: process.port,
      tokens,
      seedUrn,
      tag,
      timeoutMs,
      headersTimeoutMs: Number(env.HTTP_HEADERS_TIMEOUT_MS),
      requestTimeoutMs: Number(env.HTTP_REQUEST_TIMEOUT_MS),
    },
  };
}
