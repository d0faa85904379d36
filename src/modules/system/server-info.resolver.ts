import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MLGRAPH_VERSION } from '../../version';
import { neo4jInfo } from './system.service';
import { ServerInfo } from './server-info.type';

@Resolver()
export class ServerInfoResolver {
  @Query(() => ServerInfo, { description: 'Versions of mlgraph and of the Neo4j server it uses.' })
  async serverInfo(@Ctx() ctx: Context): Promise<ServerInfo> {
    const info = await neo4jInfo(ctx.graph);
    return { version: MLGRAPH_VERSION, neo4jVersion: info.version, edition: info.edition, database: ctx.graph.database };
  }
}
