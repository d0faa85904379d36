import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import type { LineageDirection } from '../src/modules/lineage/lineage-steps';

/** A benchmark root: an entity whose reach in `direction` is about `reach`. */
export interface RootChoice {
  direction: LineageDirection;
  reach: string;
  urn: string;
  total: number;
}

/** What bench:load leaves in bench/graphs/<size>/manifest.json (git-ignored) for bench:run. */
export interface Manifest {
  size: string;
  nodes: number;
  prefix: string;
  loadSeconds: number;
  batchSize: number;
  roots: RootChoice[];
  lattices: { width: number; depth: number; root: string; nodes: number }[];
  counts: { nodes: number; edges: number };
}

export function benchDir(size: string): string {
  return path.join(PROJECT_ROOT, 'bench', 'graphs', size);
}
