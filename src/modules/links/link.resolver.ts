import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LinkArgs } from './link.args';
import { LinkResult } from './link-result.type';
import { changeLink } from './link.service';

@Resolver()
export class LinkResolver {
  @Mutation(() => LinkResult, {
    description:
      'Opens one edge (from)-[relationship]->(to). Idempotent: an edge that is already open is left alone. ' +
      'Linking to an ARCHIVED entity is refused; to a DEPRECATED one succeeds with a warning in extensions.warnings.',
  })
  link(@Args() args: LinkArgs, @Ctx() ctx: Context) {
    return changeLink(ctx, 'link', args);
  }

  @Mutation(() => LinkResult, {
    description:
      'Closes the open edge (from)-[relationship]->(to): it stays stored with validTo for history; ' +
      'nothing is deleted. Unlinking an edge that is not open changes nothing.',
  })
  unlink(@Args() args: LinkArgs, @Ctx() ctx: Context) {
    return changeLink(ctx, 'unlink', args);
  }
}
