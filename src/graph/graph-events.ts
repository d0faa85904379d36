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

/** The graph's listeners: of the statements it sends and of the bookmarks its sessions use. */
export class GraphEvents {
  private readonly statements = new Set<(e: StatementEvent) => void>();
  private readonly bookmarks = new Set<(e: BookmarkEvent) => void>();

  /** Subscribes to statement events; returns the unsubscribe function. */
  onStatement(listener: (e: StatementEvent) => void): () => void {
    this.statements.add(listener);
    return () => this.statements.delete(listener);
  }

  /** Subscribes to the bookmarks every session starts with and receives; returns the unsubscribe function. */
  onBookmarks(listener: (e: BookmarkEvent) => void): () => void {
    this.bookmarks.add(listener);
    return () => this.bookmarks.delete(listener);
  }

  statement(e: StatementEvent): void {
    for (const l of this.statements) l(e);
  }

  /** The bookmark manager of a session of `mode`: `shared`, reported to the listeners while there are any. */
  bookmarksOf(shared: BookmarkManager, mode: 'READ' | 'WRITE'): BookmarkManager {
    return this.bookmarks.size ? reportingBookmarks(shared, mode, (e) => this.bookmarks.forEach((l) => l(e))) : shared;
  }
}
