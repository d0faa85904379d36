import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A problem that did not stop the write, e.g. a reference to a DEPRECATED entity.' })
export class IngestWarning {
  @Field({ description: 'Stable code, e.g. DEPRECATED_REFERENCE.' })
  code!: string;

  @Field({ description: 'Human-readable explanation.' })
  message!: string;

  @Field(() => ID, { description: 'The entity being written when the problem was found.' })
  urn!: string;

  @Field({ description: 'Where in the batch, e.g. "batch.trainingRuns.3.inputs".' })
  field!: string;
}

@ObjectType({ description: 'What an ingest wrote, or with dryRun would have written.' })
export class IngestResult {
  @Field(() => Int, { description: 'Entities created.' })
  created!: number;

  @Field(() => Int, { description: 'Existing entities changed (fields, relationship sets or links).' })
  updated!: number;

  @Field(() => Int, { description: 'Entities of the batch already stored exactly as sent.' })
  unchanged!: number;

  @Field(() => [ID], { description: 'URNs of the created entities.' })
  createdUrns!: string[];

  @Field(() => [ID], {
    description: 'URNs of the changed entities; includes the start of every newly opened link even if not in the lists.',
  })
  updatedUrns!: string[];

  @Field(() => [ID], { description: 'URNs of the batch entities that were already up to date.' })
  unchangedUrns!: string[];

  @Field(() => [IngestWarning], { description: 'Warnings (also sent in the response extensions.warnings).' })
  warnings!: IngestWarning[];

  @Field({ description: 'True when nothing was written (dryRun): the counts say what a real run would do.' })
  dryRun!: boolean;
}
