// Runs the peer (@neo4j/graphql on Apollo Server 5's standalone HTTP server) for bench/peer.ts.
// Usage: node peer-server.js --uri bolt://127.0.0.1:7687 --port 4481 [--database neo4j]
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import neo4j from 'neo4j-driver';
import { peerSchema } from './peer-schema';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

async function main() {
  const driver = neo4j.driver(arg('uri'), neo4j.auth.basic('neo4j', ''));
  const server = new ApolloServer({ schema: await peerSchema(driver) });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(arg('port')), host: '127.0.0.1' },
    context: async () => ({ sessionConfig: { database: arg('database', 'neo4j') } }),
  });
  console.log(`PEER_READY ${url}`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
