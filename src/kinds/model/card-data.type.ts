import { Field, InputType, ObjectType } from 'type-graphql';
import { IsString } from 'class-validator';
import { EntityType } from '../../model/entity-type';
import { CardText, CardTextList } from './card-text';
import { IsUrnOf } from './urn-of.validator';

@ObjectType('ModelCardData', {
  description:
    'A dataset a model card describes, with why it was chosen and how it was preprocessed (DataHub BaseData). ' +
    'It is card text, not lineage: the TRAINED_ON / EVALUATED_ON edges are trainingDatasets and evaluationDatasets.',
})
@InputType('ModelCardDataInput', { description: 'A dataset a model card describes.' })
export class ModelCardData {
  @Field({ description: 'URN of the dataset, e.g. "urn:li:dataset:(urn:li:dataPlatform:s3,analytics.sessions,PROD)". It need not be stored in mlgraph.' })
  @IsString()
  @IsUrnOf(EntityType.DATASET)
  dataset!: string;

  @Field(() => String, { nullable: true, description: 'Why this dataset was chosen.' })
  @CardText()
  motivation?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'How the data was preprocessed, one step per item (tokenization, cropping, filtering...).' })
  @CardTextList()
  preProcessing!: string[];
}
