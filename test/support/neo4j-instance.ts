import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../../src/local/local-neo4j';

/** Keep in step with neo4j-local/pom.xml and docker-compose.yml. */
export const NEO4J_IMAGE = 'neo4j:5.26.29-community';

export interface ThrowawayNeo4j {
  uri: string;
  user: string;
  password: string;
  kind: 'container' | 'local';
  stop(): Promise<void>;
  /** Ends Neo4j at once, like a crash (local only; a container is stopped). */
  kill(): Promise<void>;
}

/** Whether a Docker engine answers (testcontainers fails fast without one). */
export async function dockerAvailable(): Promise<boolean> {
  if (process.env.MLGRAPH_TEST_NO_DOCKER === '1') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1 (released just before Neo4j binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A new, empty Neo4j: a testcontainer when Docker answers, else the local one in a temporary home. */
export async function startThrowawayNeo4j(log: (line: string) => void = () => {}): Promise<ThrowawayNeo4j> {
  if (await dockerAvailable()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    log(`starting ${NEO4J_IMAGE} with testcontainers`);
    const container = await new Neo4jContainer(NEO4J_IMAGE).start();
    return {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      kind: 'container',
      stop: async () => void (await container.stop()),
      kill: async () => void (await container.stop({ timeout: 0 })),
    };
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-test-neo4j-'));
  const port = await freePort();
  log(`starting the local Neo4j on 127.0.0.1:${port} (home ${home})`);
  const neo4j = await startLocalNeo4j({ home, port, heapMb: 1024, pagecacheMb: 256 });
  const cleanup = () => fs.rmSync(home, { recursive: true, force: true });
  return {
    uri: neo4j.uri,
    user: 'neo4j',
    password: '',
    kind: 'local',
    stop: async () => {
      await neo4j.stop();
      cleanup();
    },
    kill: async () => {
      await neo4j.kill();
      cleanup();
    },
  };
}
