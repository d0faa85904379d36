// What listeners of the graph (src/graph/graph.ts) learn: tests and metrics subscribe to these.
import type { BookmarkManager } from 'neo4j-driver';

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

/** `shared`, the graph's bookmark manager, as one session of `mode` sees it: every call is reported to `emit`. */
export function reportingBookmarks(shared: BookmarkManager, mode: 'READ' | 'WRITE', emit: (e: BookmarkEvent) => void): BookmarkManager {
  return {
    async getBookmarks() {
      const sent = [...(await shared.getBookmarks())];
      emit({ mode, sent });
      return sent;
    },
    async updateBookmarks(previous, received) {
      await shared.updateBookmarks(previous, received);
      emit({ mode, received: [...received] });
    },
  };
}
