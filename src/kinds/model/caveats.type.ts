import { Field, InputType, ObjectType } from 'type-graphql';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { CardText, CardTextList } from './card-text';

@ObjectType('ModelCaveatDetails', { description: 'Concerns the rest of a model card does not cover (DataHub CaveatDetails).' })
@InputType('ModelCaveatDetailsInput', { description: 'Concerns the rest of a model card does not cover.' })
export class ModelCaveatDetails {
  @Field(() => String, { nullable: true, description: 'The caveat, e.g. "gender is recorded as binary; other genders were not evaluated".' })
  @CardText()
  caveatDescription?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the results call for further testing.' })
  @IsOptional()
  @IsBoolean()
  needsFurtherTesting?: boolean | null;

  @Field(() => [String], { defaultValue: [], description: 'Relevant groups that the evaluation data did not represent.' })
  @CardTextList()
  groupsNotRepresented!: string[];
}

@ObjectType('ModelCaveatsAndRecommendations', { description: 'Caveats and recommendations of a model card (DataHub CaveatsAndRecommendations).' })
@InputType('ModelCaveatsAndRecommendationsInput', { description: 'Caveats and recommendations of a model card.' })
export class ModelCaveatsAndRecommendations {
  @Field(() => ModelCaveatDetails, { nullable: true, description: 'Concerns not covered elsewhere on the card.' })
  @IsOptional()
  @ValidateNested()
  caveats?: ModelCaveatDetails | null;

  @Field(() => String, { nullable: true, description: 'Recommendations on where and how to use the model.' })
  @CardText()
  recommendations?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'What an ideal evaluation dataset for this model would have.' })
  @CardTextList()
  idealDatasetCharacteristics!: string[];
}
