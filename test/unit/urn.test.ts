import { ENTITY_TYPES, EntityType, Env } from '../../src/model/entity-type';
import { buildUrn, parseUrn, URN_SPECS, type UrnKey } from '../../src/model/urn';

// One example per type, with the URN DataHub would give it.
const EXAMPLES: Record<EntityType, { key: UrnKey; urn: string }> = {
  [EntityType.DATASET]: {
    key: { platform: 'snowflake', name: 'analytics.events v2', env: Env.DEV },
    urn: 'urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.events v2,DEV)',
  },
  [EntityType.FEATURE]: { key: { namespace: 'users', name: 'days_active' }, urn: 'urn:li:mlFeature:(users,days_active)' },
  [EntityType.FEATURE_TABLE]: {
    key: { platform: 'feast', name: 'user_features' },
    urn: 'urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,user_features)',
  },
  [EntityType.MODEL_GROUP]: {
    key: { platform: 'mlflow', name: 'churn', env: Env.PROD },
    urn: 'urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,churn,PROD)',
  },
  [EntityType.MODEL]: {
    key: { platform: 'mlflow', name: 'churn-v7', env: Env.NON_PROD },
    urn: 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn-v7,NON_PROD)',
  },
  [EntityType.EXPERIMENT]: { key: { id: 'mlflow-exp-12' }, urn: 'urn:li:container:mlflow-exp-12' },
  [EntityType.TRAINING_RUN]: { key: { id: 'run_4f2a:1' }, urn: 'urn:li:dataProcessInstance:run_4f2a:1' },
  [EntityType.DEPLOYMENT]: {
    key: { platform: 'sagemaker', name: 'churn-endpoint', env: Env.STG },
    urn: 'urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,churn-endpoint,STG)',
  },
};

describe('URN scheme', () => {
  it.each(ENTITY_TYPES)('%s: builds the DataHub URN and parses it back to the same type and key', (type) => {
    const { key, urn } = EXAMPLES[type];
    expect(buildUrn(type, key)).toBe(urn);
    expect(parseUrn(urn)).toEqual({ type, key });
    expect(Object.keys(parseUrn(urn)!.key).sort()).toEqual([...URN_SPECS[type].keys].sort());
  });

  it('no URN of one type parses as another', () => {
    for (const type of ENTITY_TYPES) {
      const others = ENTITY_TYPES.filter((t) => t !== type && URN_SPECS[t].pattern.test(EXAMPLES[type].urn));
      expect({ type, others }).toEqual({ type, others: [] });
    }
  });

  it('accepts every DataHub fabric as env, e.g. the SANDBOX and PRD of real DataHub URNs', () => {
    expect(Object.values(Env)).toHaveLength(17);
    for (const env of Object.values(Env)) {
      const urn = `urn:li:dataset:(urn:li:dataPlatform:hive,events,${env})`;
      expect(parseUrn(urn)).toEqual({ type: EntityType.DATASET, key: { platform: 'hive', name: 'events', env } });
      expect(buildUrn(EntityType.DATASET, { platform: 'hive', name: 'events', env })).toBe(urn);
    }
  });

  it.each([
    ['empty', ''],
    ['not a URN', 'dataset/snowflake/events'],
    ['unknown entity kind', 'urn:li:chart:(looker,sales)'],
    ['missing env', 'urn:li:dataset:(urn:li:dataPlatform:s3,events)'],
    ['unknown env', 'urn:li:dataset:(urn:li:dataPlatform:s3,events,STAGING)'],
    ['lower-case env', 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn,prod)'],
    ['extra key part', 'urn:li:dataset:(urn:li:dataPlatform:s3,a,b,PROD)'],
    ['empty key part', 'urn:li:mlFeature:(,days_active)'],
    ['missing closing parenthesis', 'urn:li:mlFeature:(users,days_active'],
    ['trailing text', 'urn:li:mlFeature:(users,days_active)x'],
    ['comma in an id', 'urn:li:container:a,b'],
    ['parenthesis in an id', 'urn:li:dataProcessInstance:run(1)'],
    ['empty id', 'urn:li:container:'],
    ['platform without its urn prefix', 'urn:li:mlFeatureTable:(feast,user_features)'],
  ])('rejects a malformed URN (%s)', (_label, urn) => {
    expect(parseUrn(urn)).toBeNull();
  });
});
