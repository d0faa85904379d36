import neo4j, { type Driver } from 'neo4j-driver';
import { UnavailableError } from '../errors/errors';
import { queries } from './queries';
import { decodeRecord } from './values';

/**
 * Neo4j's version and edition, asked over `probe` (the health checks' own driver, never queued
 * behind requests) with a short timeout; UNAVAILABLE when Neo4j does not report them.
 */
export async function askServerVersion(probe: Driver, database: string): Promise<{ version: string; edition: string }> {
  const session = probe.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(queries.serverInfo.text, {}, { timeout: 5_000, metadata: { app: 'mlgraph', query: queries.serverInfo.name } });
    const row = records[0] && decodeRecord<{ version: string; edition: string }>(records[0]);
    if (!row) throw new UnavailableError('Neo4j did not report its version.');
    return { version: row.version, edition: row.edition };
  } finally {
    await session.close();
  }
}
