import { Field, InputType, ObjectType } from 'type-graphql';
import { CardText } from './card-text';

@ObjectType('ModelQuantitativeAnalyses', {
  description:
    'Results broken down by the chosen factors (model card, DataHub QuantitativeAnalyses): text or a link to a dashboard. ' +
    'The numbers themselves can be metrics with a slice.',
})
@InputType('ModelQuantitativeAnalysesInput', { description: 'Results broken down by the chosen factors.' })
export class ModelQuantitativeAnalyses {
  @Field(() => String, { nullable: true, description: 'How the model performed for each factor on its own (text or a link to a dashboard).' })
  @CardText()
  unitaryResults?: string | null;

  @Field(() => String, { nullable: true, description: 'How the model performed for intersections of factors, e.g. age band x region (text or a link).' })
  @CardText()
  intersectionalResults?: string | null;
}
