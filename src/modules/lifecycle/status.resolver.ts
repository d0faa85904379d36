import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Entity } from '../entities/graphql/entity.interface';
import { SetStatusArgs } from './set-status.args';
import { setStatus } from './status.service';

@Resolver()
export class StatusResolver {
  @Mutation(() => Entity, {
    description:
      'Deprecates, archives or reactivates an entity (no hard delete) and returns it. ARCHIVED entities leave ' +
      'default lists, searches and lineage walks but stay readable by URN with their history; new edges to them ' +
      'are refused. Setting the current status again changes nothing.',
  })
  setStatus(@Args() { urn, status, reason }: SetStatusArgs, @Ctx() ctx: Context) {
    return setStatus(ctx, urn, status, reason ?? null);
  }
}
