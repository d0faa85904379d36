/**
 * One ingest batch that gives a dataset a lineage neighbourhood of exactly 500 entities (itself
 * included): 99 upstream datasets; downstream 200 features derived from it, 100 models trained on
 * it that consume two features each, and a deployment per model. 699 edges.
 */
export function neighbourhood500(prefix: string): { hubUrn: string; batch: Record<string, unknown[]> } {
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:s3,${name},PROD)`;
  const hub = `${prefix}.hub`;
  const upstreams = Array.from({ length: 99 }, (_, i) => `${prefix}.raw_${String(i).padStart(3, '0')}`);
  const features = Array.from({ length: 200 }, (_, i) => ({ namespace: prefix, name: `f${String(i).padStart(3, '0')}`, sources: [ds(hub)] }));
  const featureUrn = (i: number) => `urn:li:mlFeature:(${prefix},f${String(i).padStart(3, '0')})`;
  const deployments = Array.from({ length: 100 }, (_, i) => ({ platform: 'sagemaker', name: `${prefix}-endpoint-${i}` }));
  const models = Array.from({ length: 100 }, (_, i) => ({
    platform: 'mlflow',
    name: `${prefix}-model-${i}`,
    version: '1',
    features: [featureUrn(2 * i), featureUrn(2 * i + 1)],
    trainingDatasets: [ds(hub)],
    deployments: [`urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,${prefix}-endpoint-${i},PROD)`],
  }));
  return {
    hubUrn: ds(hub),
    batch: {
      datasets: [...upstreams.map((name) => ({ platform: 's3', name })), { platform: 's3', name: hub, upstreams: upstreams.map(ds) }],
      features,
      models,
      deployments,
    },
  };
}
