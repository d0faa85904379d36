import type { Principal } from '../../auth/role';
import type { Graph } from '../../graph';
import { BadUserInputError } from '../../errors/errors';
import { applyWrites } from '../entities/write/entity-writer';
import { eventTimeOf } from '../entities/write/event-time';
import type { WriteWarning } from '../entities/write/write-plan';
import { MAX_INGEST_ENTITIES, MAX_INGEST_LINKS } from '../ingest/ingest-batch.input';
import { checkEvent } from './event-schema';
import { mapEvents, type PlacedEvent } from './map-events';

/** Most events one request may carry (a JSON array); each event names a few entities. */
export const MAX_EVENTS_PER_REQUEST = 1_000;

/** What one request wrote, as the endpoint answers it. */
export interface LineageOutcome {
  events: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: WriteWarning[];
}

/**
 * Checks and writes a request body of OpenLineage events: one event (RunEvent, JobEvent or
 * DatasetEvent) or a JSON array of them, in ONE transaction through the writer `ingest` uses, so a
 * bad event writes nothing and a replay changes nothing. BAD_USER_INPUT names the offending field
 * (`run.runId`; in an array, `3.run.runId`).
 */
export async function applyEvents(graph: Graph, principal: Principal, body: unknown): Promise<LineageOutcome> {
  const batch = Array.isArray(body);
  const list: unknown[] = batch ? body : [body];
  if (list.length > MAX_EVENTS_PER_REQUEST) {
    throw new BadUserInputError(`A request takes at most ${MAX_EVENTS_PER_REQUEST} events, got ${list.length}: send several`, '');
  }
  const placed: PlacedEvent[] = list.map((event, i) => {
    const place = batch ? `${i}.` : '';
    const { kind, problem } = checkEvent(event);
    if (problem || !kind) throw new BadUserInputError(`${batch ? `event ${i}: ` : ''}${problem!.message}`, `${place}${problem!.field}`);
    const e = event as Record<string, unknown>;
    return { kind, event: e, at: eventTimeOf(e.eventTime, `${place}eventTime`)!, place };
  });
  // columnLineage facets ride on their output datasets' writes (map-events.ts), in this same transaction.
  const { entities, links } = mapEvents(placed);
  if (entities.length > MAX_INGEST_ENTITIES || links.length > MAX_INGEST_LINKS) {
    throw new BadUserInputError(
      `These events name ${entities.length} entities and ${links.length} edges; one request takes at most ${MAX_INGEST_ENTITIES} and ${MAX_INGEST_LINKS}: send fewer events at once`,
      '',
    );
  }
  const outcome = await applyWrites(graph, entities, links, { actor: principal.name, principal, source: 'openlineage' });
  return { events: list.length, created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length, warnings: outcome.warnings };
}
