/**
 * Lets the first run of each read statement go alone. Neo4j plans a statement the first time it
 * sees its text, which costs from a few hundred milliseconds to seconds of its CPU (more on a JVM
 * that has just started), and requests that arrive together before the plan is cached each plan it
 * again: 50 clients sending the same list at a server that had just started got 5 answers in 15 s
 * (BENCHMARKS.md, "Mixed load"). Here the reads of a statement that has never completed in this
 * process wait for the one already running; once it has completed, reads of it go straight through.
 * A first run that fails lets the next waiter go first. Only reads wait here: a statement of a
 * write transaction may hold locks that the running one needs.
 */
export class FirstRuns {
  private readonly done = new Set<string>();
  private readonly running = new Map<string, Promise<unknown>>();

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    while (!this.done.has(name)) {
      const first = this.running.get(name);
      if (!first) {
        const attempt = work();
        this.running.set(name, attempt);
        try {
          const result = await attempt;
          this.done.add(name);
          return result;
        } finally {
          this.running.delete(name);
        }
      }
      await first.then(
        () => undefined,
        () => undefined,
      );
    }
    return work();
  }

  /** Forgets what has run (Neo4j restarted: its plan cache is empty again). */
  reset(): void {
    this.done.clear();
  }
}
