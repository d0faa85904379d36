import { Field, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

@ObjectType({ description: 'Who owns an entity (a user or a group).' })
export class Owner {
  @Field({ description: 'User or group id, e.g. "urn:li:corpuser:jdoe" or "ml-platform".' })
  id!: string;

  @Field({ description: 'Ownership kind, e.g. TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD.' })
  type!: string;
}

@InputType({ description: 'An owner of an entity.' })
export class OwnerInput {
  @Field({ description: 'User or group id.' })
  @IsString()
  @Length(1, 255)
  id!: string;

  @Field({ description: 'Ownership kind (default TECHNICAL_OWNER).', defaultValue: 'TECHNICAL_OWNER' })
  @IsString()
  @Length(1, 64)
  type!: string;
}

@ObjectType({ description: 'A free-form key/value property.' })
export class CustomProperty {
  @Field({ description: 'Property name.' })
  key!: string;

  @Field({ description: 'Property value.' })
  value!: string;
}

@InputType({ description: 'A free-form key/value property.' })
export class CustomPropertyInput {
  @Field({ description: 'Property name.' })
  @IsString()
  @Length(1, 255)
  key!: string;

  @Field({ description: 'Property value (up to 32K characters).' })
  @IsString()
  @MaxLength(32_768)
  value!: string;
}

@ObjectType({ description: 'A named value: a hyperparameter or a metric.' })
export class NamedValue {
  @Field({ description: 'Name, e.g. "learning_rate" or "auc".' })
  name!: string;

  @Field({ description: 'Value as text (numbers keep their written form).' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'What it means.' })
  description?: string | null;
}

@InputType({ description: 'A named value: a hyperparameter or a metric.' })
export class NamedValueInput {
  @Field({ description: 'Name, e.g. "learning_rate" or "auc".' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @Field({ description: 'Value as text.' })
  @IsString()
  @MaxLength(32_768)
  value!: string;

  @Field(() => String, { nullable: true, description: 'What it means.' })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  description?: string | null;
}
