import { Field, InputType, ObjectType } from 'type-graphql';
import { CardTextList } from './card-text';

@ObjectType('ModelEthicalConsiderations', {
  description: 'The ethical questions raised while building a model and how they were answered (model card, DataHub mlModelEthicalConsiderations).',
})
@InputType('ModelEthicalConsiderationsInput', { description: 'The ethical questions raised while building a model.' })
export class ModelEthicalConsiderations {
  @Field(() => [String], { defaultValue: [], description: 'Sensitive data the model uses (e.g. protected classes).' })
  @CardTextList()
  data!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Matters central to human life or flourishing (health, safety) the model informs or could be used for.' })
  @CardTextList()
  humanLife!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Risk mitigation strategies used while building the model.' })
  @CardTextList()
  mitigations!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Risks of using the model: who may be harmed, how likely and how badly (or that it is unknown).' })
  @CardTextList()
  risksAndHarms!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Known uses of the model that are especially fraught.' })
  @CardTextList()
  useCases!: string[];
}
