import { Field, ObjectType } from 'type-graphql';
import { Env } from '../../model/env';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { SchemaField } from './schema-field.type';

@ObjectType({ implements: Entity, description: 'A dataset: a table, file set or stream that runs read and write.' })
export class Dataset extends Entity {
  @Field({ description: 'Data platform, e.g. "s3", "snowflake", "bigquery" (part of the URN).' })
  platform!: string;

  @Field(() => Env, { description: "Environment, DataHub's fabric (part of the URN)." })
  env!: Env;

  @Field(() => String, { nullable: true, description: 'Physical location, e.g. "s3://bucket/path".' })
  uri?: string | null;

  @Field(() => String, { nullable: true, description: 'Version or snapshot of the data.' })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'Storage format, e.g. "parquet".' })
  format?: string | null;

  @Field(() => [SchemaField], { description: 'Columns.' })
  schemaFields!: SchemaField[];
}
