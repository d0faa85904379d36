import { Field, InputType, type ClassType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { KINDS } from '../../kinds';
import type { EntityKind } from '../../model/entity-kind';
import type { EntityType } from '../../model/entity-type';
import { inputClassOf } from '../entities/graphql/entity-classes';
import { LinkInput } from './link.input';

/**
 * Largest number of entities (all lists together) one ingest takes. One batch is one transaction,
 * which must finish within NEO4J_QUERY_TIMEOUT_MS; 10,000 realistic entities take well under the
 * default 30 s, so larger loads are split into several batches.
 */
export const MAX_INGEST_ENTITIES = 10_000;
/** Largest number of links one ingest takes. */
export const MAX_INGEST_LINKS = 20_000;

const each = { each: true };

@InputType({
  description:
    `Everything one ingest writes, in any order: entities may reference each other (and links may join them) ` +
    `within the batch. At most ${MAX_INGEST_ENTITIES} entities and ${MAX_INGEST_LINKS} links.`,
})
export class IngestBatchInput {
  /** One list per kind of entity, named by its declaration's `ingestList` (see below). */
  [list: string]: object[] | null | undefined;

  @Field(() => [LinkInput], { nullable: true, description: 'Single edges to open (existing open edges are left alone).' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_LINKS)
  @ValidateNested(each)
  links?: LinkInput[] | null;
}

/** Declares one entity list of IngestBatchInput, as a @Field property would be. */
function declareList(list: string, input: () => ClassType, noun: string, deprecationReason?: string): void {
  const proto = IngestBatchInput.prototype;
  Reflect.defineMetadata('design:type', Array, proto, list);
  Field(() => [input()], { nullable: true, description: `${noun[0].toUpperCase()}${noun.slice(1)}s to create or update.`, deprecationReason })(proto, list);
  IsOptional()(proto, list);
  ArrayMaxSize(MAX_INGEST_ENTITIES)(proto, list);
  ValidateNested(each)(proto, list);
}

// The entity lists, from the kinds' declarations (their input classes are loaded with the schema).
for (const kind of KINDS) declareList(kind.ingestList, () => inputClassOf(kind.type as EntityType), kind.graphql.noun);

/** The ingest lists older releases named kinds by (e.g. trainingRuns), deprecated, with their inputs. */
export async function declareFormerIngestLists(): Promise<void> {
  for (const { formerly } of KINDS as readonly EntityKind[]) {
    if (!formerly || Reflect.hasMetadata('design:type', IngestBatchInput.prototype, formerly.ingestList)) continue;
    const input = await formerly.input();
    declareList(formerly.ingestList, () => input, formerly.noun, formerly.reason);
  }
}
