import { Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { CardTextList } from './card-text';

// One class is both the object type and the input (type-graphql allows it): the stored JSON is
// exactly what the input held, lists defaulting to [].

@ObjectType('ModelFactors', { description: 'Factors that may change how well a model performs (model card, DataHub MLModelFactors).' })
@InputType('ModelFactorsInput', { description: 'Factors that may change how well a model performs.' })
export class ModelFactors {
  @Field(() => [String], { defaultValue: [], description: 'Groups with shared characteristics in the data, e.g. age bands or regions; for people, groups sharing one or more characteristics.' })
  @CardTextList()
  groups!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Instruments that captured the input, e.g. camera hardware or the app version that logged an event.' })
  @CardTextList()
  instrumentation!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Environments the model is deployed in, e.g. "mobile", "low light".' })
  @CardTextList()
  environment!: string[];
}

@ObjectType('ModelFactorPrompts', { description: 'Which factors matter for a model and which were evaluated (model card, DataHub mlModelFactorPrompts).' })
@InputType('ModelFactorPromptsInput', { description: 'Which factors matter for a model and which were evaluated.' })
export class ModelFactorPrompts {
  @Field(() => [ModelFactors], { defaultValue: [], description: 'Foreseeable factors for which performance may vary, and how they were found.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  relevantFactors!: ModelFactors[];

  @Field(() => [ModelFactors], { defaultValue: [], description: 'Factors the evaluation reports on, and why they were chosen.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  evaluationFactors!: ModelFactors[];
}
