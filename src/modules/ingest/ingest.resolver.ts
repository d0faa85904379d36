import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { EVENT_TIME_DESCRIPTION } from '../entities/graphql/entity-input.base';
import type { Context } from '../../context';
import { IngestBatchInput } from './ingest-batch.input';
import { IngestResult } from './ingest-result.type';
import { ingest } from './ingest.service';

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      'Creates or updates many entities and links in ONE transaction (all or nothing), e.g. everything a CI ' +
      'pipeline run produced. Entities may reference each other within the batch in any order. Idempotent: ' +
      'sending the same batch again reports everything unchanged.',
  })
  ingest(
    @Arg('batch', () => IngestBatchInput, { description: 'The entities and links to write.' })
    batch: IngestBatchInput,
    @Arg('dryRun', () => Boolean, {
      defaultValue: false,
      description: 'Validate and report the counts without writing anything.',
    })
    dryRun: boolean,
    @Arg('eventTime', () => Date, { nullable: true, description: `${EVENT_TIME_DESCRIPTION} For every entity and link of the batch that gives none of its own.` })
    eventTime: Date | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return ingest(ctx, batch, dryRun, eventTime);
  }
}
