import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { DERIVATION_KIND } from '../../../model/edge-properties';
import { Entity } from './entity.interface';

// The GraphQL side of src/model/edge-properties.ts: one field per declared edge property, on the
// input that sets them and the object that shows them (test/contract/entity-kinds.test.ts checks
// that both list exactly the declared properties).

const derivation = DERIVATION_KIND.kind as Exclude<typeof DERIVATION_KIND.kind, 'string'>;

/** How a model was made from another (DERIVATION_KIND's values). */
export enum DerivationKind {
  FINE_TUNED = 'FINE_TUNED',
  DISTILLED = 'DISTILLED',
  QUANTIZED = 'QUANTIZED',
  CONVERTED = 'CONVERTED',
  ENSEMBLE_MEMBER = 'ENSEMBLE_MEMBER',
}

registerEnumType(DerivationKind, {
  name: derivation.enum,
  description: derivation.description,
  valuesConfig: Object.fromEntries(Object.entries(derivation.values).map(([value, description]) => [value, { description }])),
});

@ObjectType({ description: 'What a stored edge records besides its ends (README, "Relationship properties"); null: not recorded or not carried by its type.' })
export class EdgeProperties {
  @Field(() => String, { nullable: true, description: 'The version of the dataset or model used or written (on INPUT_OF, OUTPUT_OF, TRAINED_ON, EVALUATED_ON).' })
  version?: string | null;

  @Field(() => DerivationKind, { nullable: true, description: 'How a model was made from the source model (on DERIVED_FROM between models).' })
  derivationKind?: DerivationKind | null;
}

@InputType({ description: 'Edge properties to record; each relationship type takes only those it carries (README, "Relationship properties").' })
export class EdgePropertiesInput {
  @Field(() => String, { nullable: true, description: 'The version of the dataset or model used or written, e.g. "2024-06" or a table version.' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  version?: string | null;

  @Field(() => DerivationKind, { nullable: true, description: 'How the model was made from the source model.' })
  @IsOptional()
  @IsEnum(DerivationKind)
  derivationKind?: DerivationKind | null;
}

@InputType({ description: 'One edge of a relationship set, with the properties it records.' })
export class RelatedEdgeInput {
  @Field({ description: 'URN of the entity at the other end.' })
  @IsString()
  @MaxLength(2048)
  urn!: string;

  @Field(() => EdgePropertiesInput, { nullable: true, description: 'What the edge records; absent: nothing.' })
  @IsOptional()
  @ValidateNested()
  properties?: EdgePropertiesInput | null;
}

@ObjectType({ description: 'One open edge of a relationship list, with what it records.' })
export class RelatedEdge {
  @Field(() => Entity, { description: 'The entity at the other end.' })
  node!: Entity;

  @Field(() => EdgeProperties, { description: 'What the edge records.' })
  properties!: EdgeProperties;

  @Field({ description: 'When the edge began to hold: the eventTime of the write that opened it, else when it was stored.' })
  validFrom!: Date;

  @Field(() => String, { nullable: true, description: 'Principal that opened it.' })
  createdBy?: string | null;
}
