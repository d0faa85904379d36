// The graph-access module: the only part of mlgraph that knows about the Neo4j driver.
export { Graph, type BookmarkEvent, type GraphTransaction, type StatementEvent, type WriteDelta } from './graph';
export { connectGraph, int } from './connect';
export { migrate, MIGRATIONS } from './migrations';
export { warmWalkPlans } from './plan-warmup';
export { queries, type QueryName } from './queries';
export type { Query } from './query';
export { MAX_DELTA_ITEMS } from './write-journal';
