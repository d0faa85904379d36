import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { FeatureDataType } from './feature-data-type.enum';

@ObjectType({ implements: Entity, description: 'An ML feature: a named input signal that models consume.' })
export class Feature extends Entity {
  @Field({ description: 'Namespace the feature lives in, e.g. a feature-store project (part of the URN).' })
  namespace!: string;

  @Field(() => FeatureDataType, { nullable: true, description: "The kind of the feature's values." })
  dataType?: FeatureDataType | null;

  @Field(() => String, { nullable: true, description: 'How the feature is computed, e.g. "7-day rolling mean".' })
  featureAlgorithm?: string | null;

  @Field(() => String, { nullable: true, description: 'Version of the feature definition.' })
  version?: string | null;
}
