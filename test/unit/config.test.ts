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

  it('names the variable when a value is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ GRAPHQL_LANDING_PAGE: 'maybe' })).toThrow(/GRAPHQL_LANDING_PAGE/);
  });
});
