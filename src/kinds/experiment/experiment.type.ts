import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../../modules/entities/graphql/entity.interface';

@ObjectType({ implements: Entity, description: 'An experiment: a container of related training runs (e.g. an MLflow experiment).' })
export class Experiment extends Entity {
  @Field({ description: 'Experiment id, e.g. the tracking server\'s id (the URN\'s key).' })
  id!: string;
}
