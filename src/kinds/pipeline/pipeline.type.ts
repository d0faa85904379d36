import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../../modules/entities/graphql/entity.interface';

@ObjectType({ implements: Entity, description: "A pipeline: a workflow of jobs in an orchestrator (DataHub's dataFlow)." })
export class Pipeline extends Entity {
  @Field({ description: 'Orchestrator, e.g. "airflow", "kubeflow", "dagster" (part of the URN).' })
  orchestrator!: string;

  @Field({ description: 'Id of the workflow in the orchestrator, e.g. the DAG id (part of the URN).' })
  flowId!: string;

  @Field({ description: 'The orchestrator instance or environment, e.g. "prod" (part of the URN).' })
  cluster!: string;
}
