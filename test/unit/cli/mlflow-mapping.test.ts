import { planAliases } from '../../../src/cli/mlflow/aliases';
import { datasetInput, datasetKey, safeName, versionName } from '../../../src/cli/mlflow/mapping';
import type { MlflowDataset } from '../../../src/cli/mlflow/types';
import { digestOf, PROP, withImportState } from '../../../src/cli/mlflow/watermark';
import { Env } from '../../../src/cli/urn';

const logged = (source_type: string, source: object | string, name = 'train', digest = 'd05cc2d9'): MlflowDataset => ({
  name,
  digest,
  source_type,
  source: typeof source === 'string' ? source : JSON.stringify(source),
});

describe('MLflow dataset URN rule', () => {
  it.each([
    [logged('s3', { uri: 's3://ml-data/churn/train.csv' }), 's3', 'ml-data/churn/train.csv'],
    [logged('gs', { uri: 'gs://bucket/x.parquet' }), 'gcs', 'bucket/x.parquet'],
    [logged('local', { uri: '/tmp/data/train.csv' }), 'file', 'tmp/data/train.csv'],
    [logged('local', { uri: 'file:///srv/train.csv' }), 'file', 'srv/train.csv'],
    [logged('http', { url: 'https://example.com/data/train.csv' }), 'http', 'example.com/data/train.csv'],
    [logged('delta_table', { delta_table_name: 'main.sales.orders' }), 'delta-lake', 'main.sales.orders'],
    [logged('hugging_face', { path: 'imdb', config_name: 'plain_text' }), 'huggingface', 'imdb/plain_text'],
    [logged('code', { tags: { 'mlflow.user': 'x' } }, 'churn-holdout', '52f12904'), 'mlflow', 'churn-holdout@52f12904'],
    [logged('s3', 'not json'), 'mlflow', 'train@d05cc2d9'],
  ])('%j -> %s %s', (d, platform, name) => {
    expect(datasetKey(d)).toEqual({ platform, name });
  });

  it('keeps the digest as the version and the colspec as columns', () => {
    const d = { ...logged('s3', { uri: 's3://b/k' }), schema: JSON.stringify({ mlflow_colspec: [{ type: 'long', name: 'age', required: true }] }), profile: '{"num_rows": 3}' };
    const input = datasetInput({ trackingUri: 'http://m', env: Env.DEV }, d);
    expect(input).toMatchObject({ platform: 's3', name: 'b/k', env: 'DEV', version: 'd05cc2d9', schemaFields: [{ name: 'age', type: 'long' }] });
    expect(input.customProperties).toContainEqual({ key: 'mlflow.dataset.num_rows', value: '3' });
  });
});

describe('names', () => {
  it('become names mlgraph accepts, and versions get names of their own', () => {
    expect(safeName('/Users/ann@example.com/churn (v2), final', 'x')).toBe('Users/ann@example.com/churn _v2__ final');
    expect(safeName('///', 'fallback')).toBe('fallback');
    const ctx = { trackingUri: 'http://m', env: Env.PROD };
    expect(versionName(ctx, 'churn', '3')).toBe('churn-v3');
    expect(versionName({ ...ctx, instance: 'eu' }, 'churn', '3')).toBe('eu.churn-v3');
  });
});

describe('import state', () => {
  it('digests ignore key order and the import\'s own properties', () => {
    const a = { name: 'x', customProperties: [{ key: 'team', value: 'growth' }] };
    const b = withImportState({ customProperties: [{ key: 'team', value: 'growth' }], name: 'x' }, { [PROP.runsUntil]: '12' });
    expect(digestOf(a)).toBe(digestOf(b));
    expect(digestOf(a)).not.toBe(digestOf({ ...a, name: 'y' }));
    expect(b.customProperties).toContainEqual({ key: PROP.runsUntil, value: '12' });
  });
});

describe('alias plan', () => {
  const g = 'urn:g';
  it('sets missing and moved aliases, removes the ones MLflow dropped, and skips what mlgraph cannot hold', () => {
    const desired = new Map([[g, new Map<string, string | null>([['champion', 'urn:v1'], ['challenger', 'urn:v2'], ['Prod', 'urn:v1'], ['ghost', null]])]]);
    const current = new Map([[g, new Map([['champion', 'urn:v2'], ['challenger', 'urn:v2'], ['old', 'urn:v1']])]]);
    const plan = planAliases(desired, current);
    expect(plan.changes).toEqual([
      { group: g, alias: 'champion', model: 'urn:v1' },
      { group: g, alias: 'old', model: null },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.seen).toBe(4);
    expect(plan.warnings).toHaveLength(2);
  });
});
