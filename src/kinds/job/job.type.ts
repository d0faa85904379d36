import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../../modules/entities/graphql/entity.interface';

@ObjectType({ implements: Entity, description: "A job: one step of a pipeline (DataHub's dataJob); runs are its executions." })
export class Job extends Entity {
  @Field({ description: 'Id of the step in its pipeline, e.g. the Airflow task id (part of the URN).' })
  jobId!: string;

  @Field(() => String, { nullable: true, description: 'What kind of step, e.g. "PythonOperator", "SparkSubmit", "training".' })
  jobType?: string | null;
}
