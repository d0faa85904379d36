import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../../modules/entities/entity.loaders';
import type { ModelMetric } from './model-metric.type';
import { Model } from './model.type';

/** Which of a model's metric values to return: each given criterion must match exactly. */
export interface MetricFilter {
  name?: string | null;
  dataset?: string | null;
  slice?: string | null;
}

/** The values of `metrics` that match every criterion `filter` gives, in stored order. */
export function pickMetrics(metrics: readonly ModelMetric[], filter: MetricFilter): ModelMetric[] {
  return metrics.filter(
    (m) =>
      (filter.name == null || m.name === filter.name) &&
      (filter.dataset == null || m.dataset === filter.dataset) &&
      (filter.slice == null || m.slice === filter.slice),
  );
}

/** Model.metrics: the stored values, narrowed by the arguments (read from the node, no extra statement). */
@Resolver(() => Model)
export class ModelMetricsResolver {
  @FieldResolver()
  metrics(
    @Root() model: EntityRecord,
    @Arg('name', () => String, { nullable: true, description: 'Only values of this metric, e.g. "auc".' }) name?: string | null,
    @Arg('dataset', () => String, { nullable: true, description: 'Only values measured on this dataset (its URN).' }) dataset?: string | null,
    @Arg('slice', () => String, { nullable: true, description: 'Only values measured on this slice, e.g. "region=EU".' }) slice?: string | null,
  ): ModelMetric[] {
    return pickMetrics((model.metrics as ModelMetric[] | undefined) ?? [], { name, dataset, slice });
  }
}
