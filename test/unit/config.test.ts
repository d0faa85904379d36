import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has local defaults: port 4000 on 127.0.0.1, local Neo4j under .data/neo4j', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.local.home).toMatch(/\.data[/\\]neo4j$/);
    expect(c.introspection).toBe(true);
  });

  it('reads NEO4J_* and turns introspection off in production unless asked', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      NEO4J_URI: 'neo4j+s://x.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'meta',
      PORT: '8080',
    });
    expect(c.neo4j).toMatchObject({ uri: 'neo4j+s://x.databases.neo4j.io', user: 'u', password: 'p', database: 'meta' });
    expect(c.port).toBe(8080);
    expect(c.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('keeps read answers by default, as many as READ_CACHE_ENTRIES and READ_CACHE_ROWS say (0 entries: none)', () => {
    expect(loadConfig({}).neo4j.readCache).toEqual({ entries: 5_000, rows: 100_000 });
    expect(loadConfig({ READ_CACHE_ENTRIES: '0', READ_CACHE_ROWS: '10' }).neo4j.readCache).toEqual({ entries: 0, rows: 10 });
    expect(() => loadConfig({ READ_CACHE_ROWS: '0' })).toThrow(/READ_CACHE_ROWS/);
  });

  it('grows the heap by a factor of 2 unless HEAP_GROWING_PERCENT says otherwise (0: V8 chooses)', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '150' }).heapGrowingPercent).toBe(150);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '1.5' })).toThrow(/HEAP_GROWING_PERCENT must be a non-negative integer/);
  });

  it('runs operations compiled unless GRAPHQL_EXECUTOR says graphql-js', () => {
    expect(loadConfig({}).executor).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).executor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'jit' })).toThrow(/GRAPHQL_EXECUTOR must be compiled or graphql-js/);
  });

  it('names the variable when a value is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ GRAPHQL_LANDING_PAGE: 'maybe' })).toThrow(/GRAPHQL_LANDING_PAGE/);
    // Checked before anything starts, each naming its variable.
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be a TCP port (1-65535), got "70000"');
    expect(() => loadConfig({ NEO4J_LOCAL_PORT: '0' })).toThrow(/^NEO4J_LOCAL_PORT must be a TCP port/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    expect(() => loadConfig({ BODY_LIMIT: 'huge' })).toThrow(/^BODY_LIMIT must be a size/);
    expect(() => loadConfig({ MLGRAPH_TOKENS_FILE: '/nonexistent/tokens' })).toThrow('MLGRAPH_TOKENS_FILE: cannot read /nonexistent/tokens (ENOENT)');
    expect(loadConfig({ PORT: '0', LOG_LEVEL: 'debug', BODY_LIMIT: '1.5MB' })).toMatchObject({ port: 0, logLevel: 'debug', bodyLimit: '1.5MB' });
  });

  it('waits SHUTDOWN_GRACE_MS (30 s by default) for requests in flight when it stops', () => {
    expect([loadConfig({}).shutdownGraceMs, loadConfig({ SHUTDOWN_GRACE_MS: '5000' }).shutdownGraceMs]).toEqual([30_000, 5000]);
  });

  it('reads the request limits, HTTP timeouts and METRICS_ENABLED, with defaults', () => {
    const c = loadConfig({});
    expect(c.limits).toEqual({ maxDepth: 12, maxCost: 1_000_000, maxResponseBytes: 16 * 1024 * 1024, maxTokens: 10_000, maxAliases: 100, maxDirectives: 50, maxRepeatedFields: 100, maxSelections: 5_000 });
    expect(c.http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
    expect(c.metrics).toBe(true);
    const set = loadConfig({
      MAX_QUERY_TOKENS: '2000',
      MAX_QUERY_ALIASES: '10',
      MAX_QUERY_DIRECTIVES: '5',
      MAX_REPEATED_FIELDS: '20',
      MAX_QUERY_SELECTIONS: '300',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '3000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      METRICS_ENABLED: 'false',
    });
    expect(set.limits).toMatchObject({ maxTokens: 2000, maxAliases: 10, maxDirectives: 5, maxRepeatedFields: 20, maxSelections: 300 });
    expect(set.http).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 3000, keepAliveTimeoutMs: 1000 });
    expect(set.metrics).toBe(false);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS \(40000\) must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ MAX_QUERY_TOKENS: 'lots' })).toThrow(/MAX_QUERY_TOKENS/);
  });
});
