/** Stops the Neo4j that global-setup.ts started (and removes its temporary home). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__MLGRAPH_TEST_NEO4J__?.stop();
}
