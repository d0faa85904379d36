import { EntityType } from '../../model/entity-type';
import { canonicalJson, type StoredValue } from '../../model/encode';
import { RelationshipType } from '../../model/relationship-type';
import { buildUrn } from '../../model/urn';
import { toEntityWrite } from '../entities/write/to-entity-write';
import type { EntityWrite, LinkWrite } from '../entities/write/write-plan';
import { columnLineageInput, parseColumnLineage, type ColumnLineageEdge } from './column-lineage';
import type { EventKind } from './event-schema';
import { facetValue, keptFacets, propertyKey, runTypeOf } from './facets';
import { datasetKey, pipelineKey, runUrn, safePart } from './naming';
import { combineStates, runStateFields, stateOfEvent, type RunState } from './run-state';

// OpenLineage events (already checked by event-schema.ts) as the entities and links of one write.
// Everything one request names is folded per URN first (one write per entity, as the writer
// wants), in event-time order, so the result does not depend on how events were batched.

/** An entity keeps at most this many custom properties (UpsertEntityInput's limit). */
const MAX_PROPERTIES = 500;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One checked event, when it happened, and where it sits in the request (`` or `3.`). */
export interface PlacedEvent {
  kind: EventKind;
  event: Json;
  at: Date;
  place: string;
}

export interface MappedEvents {
  entities: EntityWrite[];
  links: LinkWrite[];
  /** Column-level edges of `columnLineage` facets, written as their output datasets' `columnLineage` (in `entities`). */
  columnLineage: ColumnLineageEdge[];
}

interface Draft {
  type: EntityType;
  input: Json;
  props: Map<string, string>;
  state: RunState;
  /** Named only as a parent: written when nothing is stored under its URN yet. */
  stub: boolean;
  /** The earliest event that names it. */
  at: Date;
  path: string;
}

/** Maps events onto one write: see README, "OpenLineage", for the table. */
export function mapEvents(events: PlacedEvent[]): MappedEvents {
  const m = new Mapper();
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) m.add(e);
  return m.result();
}

class Mapper {
  private readonly drafts = new Map<string, Draft>();
  private readonly links = new Map<string, LinkWrite>();
  /** Per output dataset, the column lineage of the latest event that carried the facet (it replaces earlier ones, as fields do). */
  private readonly columnLineage = new Map<string, ColumnLineageEdge[]>();

  add({ kind, event, at, place }: PlacedEvent): void {
    if (kind === 'dataset') {
      this.dataset(event.dataset, at, `${place}dataset`);
      return;
    }
    const parent = kind === 'run' ? event.run.facets?.parent : undefined;
    const job = this.job(event.job, parent?.job, at, `${place}job`);
    const datasets = (list: Json[] | undefined, dir: 'inputs' | 'outputs') =>
      (list ?? []).map((d, i) => ({ d, urn: this.dataset(d, at, `${place}${dir}.${i}`) }));
    const inputs = datasets(event.inputs, 'inputs');
    const outputs = datasets(event.outputs, 'outputs');
    if (kind !== 'run') return;

    const run = runUrn(event.run.runId);
    const props: [string, string][] = keptFacets('openlineage.run.', event.run.facets, ['parent']);
    for (const [dir, list, facetsOf] of [['input', inputs, 'inputFacets'], ['output', outputs, 'outputFacets']] as const) {
      for (const { d, urn } of list) {
        const facets = d[facetsOf];
        if (facets && Object.keys(facets).length) props.push([propertyKey(`openlineage.${dir}Facets.${d.namespace}/${d.name}`), facetValue(facets)]);
        this.link(urn, dir === 'input' ? RelationshipType.INPUT_OF : RelationshipType.OUTPUT_OF, run, d.facets?.version?.datasetVersion, at, `${place}${dir}s`);
      }
    }
    let parentRun: string | undefined;
    if (parent) {
      parentRun = runUrn(parent.run.runId);
      this.draft(parentRun, EntityType.RUN, at, `${place}run.facets.parent`, true, { id: parent.run.runId.toLowerCase(), name: safePart(parent.job.name, 'name') });
    }
    const d = this.draft(run, EntityType.RUN, at, `${place}run`, false, {
      id: event.run.runId.toLowerCase(),
      name: safePart(event.job.name, 'name'),
      job,
      ...(parentRun && { parentRun }),
      ...(runTypeOf(event.job.facets?.jobType) && { runType: runTypeOf(event.job.facets?.jobType) }),
    });
    for (const [k, v] of props) d.props.set(k, v);
    d.state = combineStates(d.state, stateOfEvent(event.eventType, at));
    outputs.forEach(({ d: o, urn }, i) => {
      if (!o.facets?.columnLineage) return;
      const path = `${place}outputs.${i}.facets.columnLineage`;
      // An input column's dataset that the event does not list is still written (as a dataset named
      // only by its namespace and name), so the column edge has both ends.
      const urnOf = (namespace: string, name: string) =>
        [...inputs, ...outputs].find(({ d: x }) => x.namespace === namespace && x.name === name)?.urn ?? this.dataset({ namespace, name }, at, path);
      this.columnLineage.set(urn, parseColumnLineage(urn, o.facets.columnLineage, urnOf, at, path));
    });
  }

  /** The Pipeline and Job of an OpenLineage job; returns the job's URN. */
  private job(job: Json, parentJob: Json | undefined, at: Date, path: string): string {
    const key = pipelineKey(job as { namespace: string; name: string }, parentJob as { namespace: string; name: string } | undefined);
    const pipeline = buildUrn(EntityType.PIPELINE, key);
    this.draft(pipeline, EntityType.PIPELINE, at, path, false, { ...key, name: safePart(parentJob ? parentJob.name : job.namespace, 'name') });
    const jobId = safePart(job.name, 'part');
    const urn = buildUrn(EntityType.JOB, { pipeline, jobId });
    const facets = job.facets ?? {};
    const d = this.draft(urn, EntityType.JOB, at, path, false, {
      pipeline,
      jobId,
      name: safePart(job.name, 'name'),
      ...(facets.jobType?.jobType && { jobType: String(facets.jobType.jobType).slice(0, 255) }),
      ...(facets.documentation && { description: facets.documentation.description }),
    });
    d.props.set('openlineage.namespace', job.namespace);
    d.props.set('openlineage.name', job.name);
    for (const [k, v] of keptFacets('openlineage.job.', facets, ['documentation'])) d.props.set(k, v);
    return urn;
  }

  /**
   * The URN a dataset is stored under: its first symlink of type TABLE when it has one (so a table
   * read by its path and by its name is one dataset, as DataHub does), else its own name.
   */
  private datasetIdentity(ds: Json): { urn: string; key: ReturnType<typeof datasetKey>; uri: string | null } {
    const own = datasetKey(ds.namespace, ds.name);
    const table = (ds.facets?.symlinks?.identifiers ?? []).find((i: Json) => String(i.type).toUpperCase() === 'TABLE');
    const key = table ? datasetKey(table.namespace, table.name) : own;
    const uri = table ? (own.uri ?? `${ds.namespace.replace(/\/+$/, '')}/${ds.name}`) : own.uri;
    return { urn: buildUrn(EntityType.DATASET, { platform: key.platform, name: key.name, env: key.env }), key, uri };
  }

  /** The Dataset of an OpenLineage dataset; returns its URN. */
  private dataset(ds: Json, at: Date, path: string): string {
    const { urn, key, uri } = this.datasetIdentity(ds);
    const facets = ds.facets ?? {};
    const d = this.draft(urn, EntityType.DATASET, at, path, false, {
      platform: key.platform,
      name: key.name,
      env: key.env,
      ...(uri && { uri: uri.slice(0, 2048) }),
      ...(facets.schema?.fields && { schemaFields: flatten(facets.schema.fields).slice(0, 10_000) }),
      ...(facets.documentation && { description: facets.documentation.description }),
    });
    d.props.set('openlineage.namespace', ds.namespace);
    d.props.set('openlineage.name', ds.name);
    if (facets.symlinks?.identifiers?.length) d.props.set('openlineage.symlinks', facetValue(facets.symlinks.identifiers));
    for (const [k, v] of keptFacets('openlineage.dataset.', facets, ['schema', 'version', 'symlinks', 'documentation'])) d.props.set(k, v);
    return urn;
  }

  private draft(urn: string, type: EntityType, at: Date, path: string, stub: boolean, input: Json): Draft {
    let d = this.drafts.get(urn);
    if (!d) {
      d = { type, input: {}, props: new Map(), state: {}, stub, at, path };
      this.drafts.set(urn, d);
    } else if (!stub && d.stub) {
      d.stub = false;
      d.path = path;
    }
    // Events come in time order: what a later event says of a field replaces what an earlier said.
    if (!stub || d.stub) Object.assign(d.input, input);
    return d;
  }

  /** An input or output edge; its start is the earliest event naming it, its version the latest's. */
  private link(from: string, type: RelationshipType, to: string, version: string | undefined, at: Date, path: string): void {
    const id = `${from}|${type}|${to}`;
    const l = this.links.get(id);
    if (!l) this.links.set(id, { from, type, to, op: 'link', path, at, properties: version ? { version } : {} });
    else if (version) l.properties = { version };
  }

  result(): MappedEvents {
    const entities = [...this.drafts].map(([urn, d]) => this.write(d, this.columnLineage.get(urn)));
    return { entities, links: [...this.links.values()], columnLineage: [...this.columnLineage.values()].flat() };
  }

  private write(d: Draft, columnLineage: ColumnLineageEdge[] | undefined): EntityWrite {
    const props = [...d.props].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_PROPERTIES)
      .map(([key, value]) => ({ key, value }));
    const input = { ...d.input, ...(props.length && { customProperties: props }), ...(columnLineage && { columnLineage: columnLineageInput(columnLineage) }) };
    const write = toEntityWrite(d.type, input, d.path, undefined, d.at);
    // Column edges begin when the event that carried the facet happened, not when the dataset was first named.
    if (columnLineage?.length && write.columns) write.columns.at = columnLineage[0].at;
    const fields = write.fields;
    write.resolveFields = (stored) => {
      if (d.stub) return stored ? {} : fields;
      const out: Record<string, StoredValue> = { ...fields };
      if (stored && typeof fields.customProperties === 'string') out.customProperties = mergeProperties(stored.customProperties, fields.customProperties);
      return { ...out, ...runStateFields(stored, d.state) };
    };
    return write;
  }
}

/** Stored custom properties with `incoming`'s added or replaced by key (several events add up). */
function mergeProperties(stored: unknown, incoming: string): string {
  const merged = new Map<string, string>();
  for (const list of [typeof stored === 'string' ? JSON.parse(stored) : [], JSON.parse(incoming)] as { key: string; value: string }[][]) {
    for (const p of list) merged.set(p.key, p.value);
  }
  return canonicalJson([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_PROPERTIES).map(([key, value]) => ({ key, value })));
}

/** Schema facet fields as columns; nested fields (structs) become `parent.child`. */
function flatten(fields: Json[], prefix = ''): { name: string; type: string; description?: string }[] {
  return fields.flatMap((f) => [
    { name: `${prefix}${f.name}`.slice(0, 255), type: String(f.type || 'unknown').slice(0, 255), ...(f.description && { description: f.description }) },
    ...flatten(f.fields ?? [], `${prefix}${f.name}.`),
  ]);
}
