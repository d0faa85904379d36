// What listeners of the graph (src/graph/graph.ts) learn: tests and metrics subscribe to these.

/** Bookmarks a session started with (`sent`) or received when its transaction committed. */
export interface BookmarkEvent {
  mode: 'READ' | 'WRITE';
  sent?: string[];
  received?: string[];
}

/** What a listener learns about each statement sent (tests count round trips with it). */
export interface StatementEvent {
  query: string;
  ms: number;
  rows: number;
  /** The statement's parameters as the caller gave them (tests look at what was asked). */
  params: object;
  /** The decoded rows (tests look at what was read). */
  result: readonly object[];
}
