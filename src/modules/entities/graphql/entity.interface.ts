import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { EntityType, Status } from './enums';
import { CustomProperty, Owner } from './common.types';
import { entityClassOf } from './entity-classes';
import { RELATION_FIELDS } from '../../../model/relationship-type';
import { relationCountsCost } from '../../../limits/cost';
import { RelationCount } from './relation-count.type';

/** Fields every entity has. Object types implement it; values are decoded node properties. */
@InterfaceType({
  description: 'Any entity of the ML metadata graph.',
  resolveType: (value: { type: EntityType }) => entityClassOf(value.type),
})
export abstract class Entity {
  @Field(() => ID, { description: 'DataHub-style URN, built by the server from the key fields.' })
  urn!: string;

  @Field(() => EntityType, { description: 'The kind of entity.' })
  type!: EntityType;

  @Field({ description: 'Name (1-255 characters, starting with a letter or digit).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description (Markdown).' })
  description?: string | null;

  @Field(() => Status, { description: 'Lifecycle status.' })
  status!: Status;

  @Field(() => String, { nullable: true, description: 'Why the status was last changed.' })
  statusReason?: string | null;

  @Field(() => [String], { description: 'Tags, e.g. "pii" or "gold".' })
  tags!: string[];

  @Field(() => [Owner], { description: 'Owners.' })
  owners!: Owner[];

  @Field(() => [CustomProperty], { description: 'Free-form key/value properties.' })
  customProperties!: CustomProperty[];

  @Field(() => String, { nullable: true, description: 'Link to the entity in its home system (e.g. MLflow).' })
  externalUrl?: string | null;

  @Field({ description: 'When the entity was first registered.' })
  createdAt!: Date;

  @Field({ description: 'When the entity last changed.' })
  updatedAt!: Date;

  @Field({ description: 'Principal that registered the entity.' })
  createdBy!: string;

  @Field({ description: 'Principal that made the last change.' })
  updatedBy!: string;

  @Field(() => Int, { description: 'Bumped by every real change; an identical upsert leaves it alone.' })
  revision!: number;

  @Field(() => [RelationCount], {
    description: 'How many entities each relationship field lists now, zeros included: tab sizes for a UI, one statement per page.',
    complexity: relationCountsCost(Math.max(...Object.values(RELATION_FIELDS).map((f) => f.length))),
  })
  relationCounts!: RelationCount[];
}
