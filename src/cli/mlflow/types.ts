// The parts of MLflow's REST answers (/api/2.0/mlflow/, protos in mlflow/protos/service.proto and
// model_registry.proto) that the import reads. Timestamps are milliseconds since the epoch; some
// MLflow versions send int64 values as strings, hence `number | string`.

export interface MlflowTag {
  key: string;
  value: string;
}

export interface MlflowExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: string;
  last_update_time?: number | string;
  creation_time?: number | string;
  tags?: MlflowTag[];
}

export interface MlflowDataset {
  name: string;
  digest: string;
  source_type: string;
  /** JSON text: {"uri": ...} for artifact sources, {"url": ...} for HTTP, {"path"/"delta_table_name": ...}... */
  source: string;
  /** JSON text: {"mlflow_colspec": [{"type", "name", "required"}]} for tabular data. */
  schema?: string;
  /** JSON text, e.g. {"num_rows": 3, "num_elements": 9}. */
  profile?: string;
}

export interface MlflowRun {
  info: {
    run_id: string;
    run_uuid?: string;
    experiment_id: string;
    run_name?: string;
    user_id?: string;
    status: 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
    start_time?: number | string;
    end_time?: number | string;
    artifact_uri?: string;
    lifecycle_stage?: string;
  };
  data?: {
    metrics?: { key: string; value: number | string; timestamp?: number | string; step?: number | string }[];
    params?: MlflowTag[];
    tags?: MlflowTag[];
  };
  inputs?: { dataset_inputs?: { tags?: MlflowTag[]; dataset: MlflowDataset }[] };
}

export interface MlflowRegisteredModel {
  name: string;
  creation_timestamp?: number | string;
  last_updated_timestamp?: number | string;
  description?: string;
  user_id?: string;
  tags?: MlflowTag[];
  aliases?: { alias: string; version: string }[];
}

export interface MlflowModelVersion {
  name: string;
  version: string;
  creation_timestamp?: number | string;
  last_updated_timestamp?: number | string;
  user_id?: string;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: string;
  tags?: MlflowTag[];
  /** MLflow 3: the logged model the version registers. */
  model_id?: string;
}
