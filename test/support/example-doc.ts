import fs from 'node:fs';
import path from 'node:path';
import { uniqueId, type TestServer } from './harness';

/**
 * The operations of schema/examples/<file> with every `word` made unique for this run (the test
 * database is shared), and the token that made it so (`word` became `${word}${u}`).
 */
export function exampleDoc(file: string, word: string): { doc: string; u: string } {
  const u = uniqueId(word[0]).replace(/[^A-Za-z0-9]/g, '');
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'examples', file), 'utf8').replaceAll(word, `${word}${u}`);
  return { doc, u };
}

/** Runs one operation of `doc` as written, through Apollo in process; fails the test on any error. */
export async function runOperation(t: TestServer, doc: string, operationName: string): Promise<Record<string, any>> {
  const response = await t.server.apollo.executeOperation({ query: doc, operationName }, { contextValue: t.server.contextFor() });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const result = response.body.singleResult;
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}
