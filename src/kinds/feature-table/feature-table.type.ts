import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../../modules/entities/graphql/entity.interface';

@ObjectType({ implements: Entity, description: 'A feature table: features served together under one primary key.' })
export class FeatureTable extends Entity {
  @Field({ description: 'Feature-store platform, e.g. "feast" or "tecton" (part of the URN).' })
  platform!: string;

  @Field(() => [String], { description: 'Names of the entity keys rows are looked up by, e.g. ["user_id"].' })
  primaryKeys!: string[];
}
