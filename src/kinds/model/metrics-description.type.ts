import { Field, InputType, ObjectType } from 'type-graphql';
import { CardTextList } from './card-text';

@ObjectType('ModelMetricsDescription', {
  description:
    'How a model is measured (model card "Metrics", DataHub\'s Metrics aspect, plus the card\'s variation approaches); ' +
    'the measured values are Model.metrics.',
})
@InputType('ModelMetricsDescriptionInput', { description: 'How a model is measured; the values go in metrics.' })
export class ModelMetricsDescription {
  @Field(() => [String], { defaultValue: [], description: 'Measures of performance and why they were chosen, e.g. "AUC: ranking quality over all thresholds".' })
  @CardTextList()
  performanceMeasures!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Decision thresholds in use and why, e.g. "score >= 0.7 flags a customer".' })
  @CardTextList()
  decisionThreshold!: string[];

  @Field(() => [String], { defaultValue: [], description: 'How the measurements were varied or their uncertainty estimated, e.g. "5-fold cross-validation", "bootstrap 95% interval".' })
  @CardTextList()
  variationApproaches!: string[];
}
