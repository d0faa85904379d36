/**
 * Calls `start` with V8's stack capture off. The driver's Result records the caller's stack as text
 * when it is made (`new Error('').stack`, to put on a later error), for every statement: under the
 * mixed load that formatting was 4% of the server's CPU. A Neo4j error then carries its message
 * without the caller's frames; mapNeo4jError and the statement's name say where it came from.
 */
export function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
