import type { Record as Neo4jRecord } from 'neo4j-driver';
import { queries } from './queries';
import { VERSION_COLUMN, type Query } from './query';
import { ReadCache, readKey, readThrough, VersionReads, type ReadCacheLimits } from './read-cache';
import { decodeRecord } from './values';

/** Runs one read statement; `decode` may leave a record out (undefined). Graph.runRead, of the view that reads. */
export type RunRead = <P extends object, R extends object>(
  query: Query<P, R>,
  params: P,
  decode?: (record: Neo4jRecord) => R | undefined,
) => Promise<R[]>;

/**
 * The read cache (read-cache.ts) as the Graph uses it: the kept answers, shared by every request,
 * and the version reads that requests asking in the same turn share.
 */
export class KeptReads {
  readonly cache: ReadCache;
  private readonly versionReads: VersionReads;

  /** `runRead` reads the version (the process's own reads, outside any request's share). */
  constructor(limits: ReadCacheLimits, runRead: RunRead) {
    const cache = (this.cache = new ReadCache(limits));
    this.versionReads = new VersionReads(async () => {
      const [{ graphVersion }] = await runRead(queries.graphVersion, {});
      cache.saw(graphVersion);
      return graphVersion;
    });
  }

  /** One request's version of the graph: asked once, when first needed, with the other requests of that turn. */
  versionOfRequest(): () => Promise<number> {
    let version: Promise<number> | undefined;
    return () => (version ??= this.versionReads.next());
  }

  /**
   * A cached read: the kept rows when the version has not moved, else read through `runRead` (the
   * requesting view's, within its share) with the version read first in the same statement
   * (query.ts, versionedText), and kept under it.
   */
  read<P extends object, R extends object>(query: Query<P, R>, params: P, versionNow: () => Promise<number>, runRead: RunRead): Promise<R[]> {
    const versioned: Query<P, R> = { name: query.name, text: query.versioned!, params: query.params };
    return readThrough(this.cache, readKey(query.name, params), versionNow, async () => {
      let version: number | undefined;
      const rows = await runRead(versioned, params, (record) => {
        version ??= record.get(VERSION_COLUMN) as number;
        // The OPTIONAL CALL's row of nulls: the read found nothing (versionedText).
        if (record.keys.every((k) => k === VERSION_COLUMN || record.get(k) === null)) return undefined;
        return decodeRecord<R>(record, VERSION_COLUMN);
      });
      return { rows, version };
    });
  }
}
