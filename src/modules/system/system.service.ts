import { queries, type Graph } from '../../graph';
import { UnavailableError } from '../../errors/errors';

export interface Neo4jInfo {
  version: string;
  edition: string;
}

/** The version and edition of the Neo4j server behind `graph`. */
export async function neo4jInfo(graph: Graph): Promise<Neo4jInfo> {
  const [row] = await graph.read(queries.serverInfo, {});
  if (!row) throw new UnavailableError('Neo4j did not report its version.');
  return { version: row.version, edition: row.edition };
}
