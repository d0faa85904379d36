import type { WriteDelta } from '../../graph';
import type { EntityType } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import { LINEAGE_MAX_DEPTH } from './lineage.config';
import { compare, type Walk, type WalkOptions } from './lineage-walk';
import { expandableTypes, LINEAGE_STEPS, LineageDirection } from './lineage-steps';

/**
 * A kept walk of the graph as it is now, extended by writes that only added entities and edges
 * (WriteJournal: every write committed since the walk's version, known to be all of them): the walk
 * a new walk would make, or undefined when one is needed because a write shortened the way to an
 * entity the walk reached, linked it to an entity the writes did not create (whose own lineage only
 * a walk can tell), or took the walk past a server limit. The new entities and edges are walked
 * breadth-first from the reached entities they join, as walkIn walks: the shortest distance, and
 * among the steps of that level the smallest (from, relationship); an added step of the same length
 * as the kept one but smaller replaces it. Steps that were already walked (a write that committed
 * while the walk ran) change nothing. The kept walk is left as it is: another request may be paging it.
 */
export function extendWalk(walk: Walk, options: Pick<WalkOptions, 'maxDepth' | 'maxNodes' | 'statuses'>, deltas: readonly WriteDelta[]): Walk | undefined {
  const maps = deltas.map((d) => stepsOf(d, walk.direction));
  const expandable = expandableTypes(walk.direction);
  const depthOf = (urn: string) => (urn === walk.root ? 0 : walk.reached.get(urn)?.degree);

  // The reached entities (and root) that added steps leave from, by depth; the root's type is not
  // in the walk, and it is always expanded. Most writes add nothing a given walk reached: then the
  // walk is the answer as it is, and nothing is copied.
  const levels: string[][] = [];
  const seeds = new Set<string>();
  for (const map of maps) {
    for (const from of map.keys()) {
      const depth = depthOf(from);
      if (depth === undefined || seeds.has(from)) continue;
      seeds.add(from);
      if (from !== walk.root && !expandable.has(walk.reached.get(from)!.type)) continue;
      if (depth >= options.maxDepth) {
        // Not expanded by the walk either, unless the server's depth cap would mark it cut.
        if (options.maxDepth >= LINEAGE_MAX_DEPTH) return undefined;
        continue;
      }
      (levels[depth] ??= []).push(from);
    }
  }
  if (!levels.length) return walk;
  const statuses = new Set<string>(options.statuses);
  const reached = new Map(walk.reached);
  const stepsFrom = (urn: string) => maps.flatMap((m) => m.get(urn) ?? []);
  let changed = false;
  for (let depth = 0; depth < levels.length; depth++) {
    for (const from of levels[depth] ?? []) {
      for (const step of stepsFrom(from)) {
        if (step.to === walk.root) continue;
        const known = reached.get(step.to);
        if (known) {
          if (known.degree < depth + 1) continue;
          if (known.degree > depth + 1) return undefined; // a shorter way: depths below it change
          if (compare(step.from, known.from) < 0 || (step.from === known.from && compare(step.relationship, known.relationship) < 0)) {
            reached.set(step.to, { ...known, from: reached.get(from)?.urn ?? walk.root, relationship: step.relationship });
            changed = true;
          }
          continue;
        }
        const entity = createdBy(deltas, step.to);
        if (!entity) return undefined; // an entity stored before the walk: its own lineage is not known here
        if (entity.status === null || !statuses.has(entity.status)) continue;
        if (reached.size >= options.maxNodes) return undefined;
        reached.set(step.to, {
          urn: step.to,
          type: entity.type as EntityType,
          degree: depth + 1,
          from: reached.get(from)?.urn ?? walk.root,
          relationship: step.relationship,
        });
        changed = true;
        if (!expandable.has(entity.type as EntityType) || !maps.some((m) => m.has(step.to))) continue;
        if (depth + 1 >= options.maxDepth) {
          if (options.maxDepth >= LINEAGE_MAX_DEPTH) return undefined;
          continue;
        }
        (levels[depth + 1] ??= []).push(step.to);
      }
    }
  }
  if (!changed) return walk;
  const ordered = [...reached.values()].sort((a, b) => a.degree - b.degree || compare(a.urn, b.urn));
  return { ...walk, reached: new Map(ordered.map((r) => [r.urn, r])), statements: 0 };
}

interface Step {
  from: string;
  to: string;
  relationship: RelationshipType;
}

/** The type and status a write of `deltas` created `urn` with, or undefined when none created it. */
function createdBy(deltas: readonly WriteDelta[], urn: string): { type: string; status: string | null } | undefined {
  for (const d of deltas) {
    const created = d.created.get(urn);
    if (created) return created;
  }
  return undefined;
}

/**
 * A walk's steps in `direction` over the edges `delta` opened, by the entity each leaves from: made
 * once per write and direction (every kept walk extended by the write reads the same), and gone
 * with the write when the journal forgets it.
 */
function stepsOf(delta: WriteDelta, direction: LineageDirection): ReadonlyMap<string, Step[]> {
  const byDirection = stepsByDelta.get(delta) ?? stepsByDelta.set(delta, new Map()).get(delta)!;
  let steps = byDirection.get(direction);
  if (steps) return steps;
  steps = new Map();
  const forward = direction === LineageDirection.DOWNSTREAM ? 'along' : 'against';
  for (const edge of delta.opened) {
    const step = LINEAGE_STEPS[edge.type as RelationshipType];
    if (!step) continue;
    const [from, to] = step === forward ? [edge.from, edge.to] : [edge.to, edge.from];
    const list = steps.get(from) ?? steps.set(from, []).get(from)!;
    list.push({ from, to, relationship: edge.type as RelationshipType });
  }
  byDirection.set(direction, steps);
  return steps;
}

const stepsByDelta = new WeakMap<WriteDelta, Map<LineageDirection, Map<string, Step[]>>>();
