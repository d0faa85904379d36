import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IsDate, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { EntityType } from '../../model/entity-type';
import { CardText } from './card-text';
import { IsUrnOf } from './urn-of.validator';

/** Most metric values one model keeps (each is a point: name, value, and where and when it was measured). */
export const MODEL_METRICS_MAX = 10_000;

@ObjectType('ModelMetric', {
  description:
    'One measured value of a model: a number with its name and, when given, the training step, the time, ' +
    'the dataset and the slice of it it was measured on. One metric measured at many steps or on many slices is many values.',
})
@InputType('ModelMetricInput', { description: 'One measured value of a model.' })
export class ModelMetric {
  @Field({ description: 'Metric name, e.g. "auc", "f1", "log_loss" (1-255 characters).' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @Field(() => Float, { description: 'The measured value (a finite number).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @Field(() => Int, { nullable: true, description: 'Training step or epoch it was measured at (0 or more), as MLflow logs steps.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  step?: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was measured.' })
  @IsOptional()
  @IsDate()
  timestamp?: Date | null;

  @Field(() => String, { nullable: true, description: 'URN of the dataset it was measured on (it need not be stored in mlgraph).' })
  @IsOptional()
  @IsUrnOf(EntityType.DATASET)
  dataset?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The slice of the data it was measured on, e.g. "region=EU" or "age>=65,gender=F" (1-1024 characters); absent: the whole dataset.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  @Matches(/^\S/, { message: 'slice must not start with white space' })
  slice?: string | null;

  @Field(() => String, { nullable: true, description: 'What it means or how it was computed.' })
  @CardText()
  description?: string | null;
}
