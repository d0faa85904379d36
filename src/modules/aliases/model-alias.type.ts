import { Field, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../entities/entity.loaders';
import { Model } from '../../kinds/model/model.type';
import { ModelGroup } from '../../kinds/model-group/model-group.type';

@ObjectType({ description: 'An alias of a model group and the model version that holds it.' })
export class ModelAlias {
  @Field({ description: 'The alias, e.g. "champion".' })
  alias!: string;

  @Field(() => Model, { description: 'The model version holding the alias.' })
  model!: EntityRecord;
}

@ObjectType({ description: 'The outcome of setModelAlias.' })
export class ModelAliasChange {
  @Field({ description: 'The alias that was set.' })
  alias!: string;

  @Field(() => ModelGroup, { description: 'The group the alias belongs to.' })
  group!: EntityRecord;

  @Field(() => Model, { description: 'The model version that holds the alias now.' })
  model!: EntityRecord;

  @Field(() => [Model], {
    description: 'Model versions the alias was taken from in the same transaction (normally none or one).',
  })
  previousHolders!: EntityRecord[];

  @Field({ description: 'False when the model already held the alias alone, so nothing was written.' })
  changed!: boolean;
}

@ObjectType({ description: 'The outcome of removeModelAlias.' })
export class ModelAliasRemoval {
  @Field({ description: 'The alias that was removed.' })
  alias!: string;

  @Field(() => ModelGroup, { description: 'The group the alias belonged to.' })
  group!: EntityRecord;

  @Field(() => [Model], { description: 'Model versions that held the alias (normally none or one).' })
  previousHolders!: EntityRecord[];

  @Field({ description: 'False when no member held the alias, so nothing was written.' })
  changed!: boolean;
}
