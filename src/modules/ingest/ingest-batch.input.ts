import { Field, InputType } from 'type-graphql';
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

// The entity lists, declared as @Field properties would be, from the kinds' declarations.
for (const kind of KINDS) {
  const type = kind.type as EntityType;
  const { noun } = kind.graphql;
  const proto = IngestBatchInput.prototype;
  Reflect.defineMetadata('design:type', Array, proto, kind.ingestList);
  Field(() => [inputClassOf(type)], { nullable: true, description: `${noun[0].toUpperCase()}${noun.slice(1)}s to create or update.` })(
    proto,
    kind.ingestList,
  );
  IsOptional()(proto, kind.ingestList);
  ArrayMaxSize(MAX_INGEST_ENTITIES)(proto, kind.ingestList);
  ValidateNested(each)(proto, kind.ingestList);
}

/** The ingest lists older releases named kinds by (e.g. trainingRuns), deprecated; loads their inputs. */
export async function declareFormerIngestLists(): Promise<void> {
  for (const kind of KINDS as readonly EntityKind[]) {
    const former = kind.formerly;
    if (!former || Reflect.hasMetadata('design:type', IngestBatchInput.prototype, former.ingestList)) continue;
    const proto = IngestBatchInput.prototype;
    const input = await former.input();
    Reflect.defineMetadata('design:type', Array, proto, former.ingestList);
    Field(() => [input], { nullable: true, description: `${former.noun[0].toUpperCase()}${former.noun.slice(1)}s to create or update.`, deprecationReason: former.reason })(proto, former.ingestList);
    IsOptional()(proto, former.ingestList);
    ArrayMaxSize(MAX_INGEST_ENTITIES)(proto, former.ingestList);
    ValidateNested(each)(proto, former.ingestList);
  }
}
