import { ENTITY_TYPES, EntityType } from '../../src/model/entity-type';
import { Env } from '../../src/model/env';
import { buildUrn, parseUrn, urnProblem, urnSchemeOf, type UrnKey } from '../../src/model/urn';
import { formatUrn, nameKey, parseKey, partKey, splitUrn, urnKey, urnScheme } from '../../src/model/urn-scheme';

// One example per type of the first release, with the URN DataHub would give it.
const EXAMPLES: Partial<Record<EntityType, { key: UrnKey; urn: string }>> = {
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
  [EntityType.RUN]: { key: { id: 'run_4f2a:1' }, urn: 'urn:li:dataProcessInstance:run_4f2a:1' },
  [EntityType.PIPELINE]: { key: { orchestrator: 'airflow', flowId: 'churn_scoring', cluster: 'prod' }, urn: 'urn:li:dataFlow:(airflow,churn_scoring,prod)' },
  [EntityType.JOB]: {
    key: { pipeline: 'urn:li:dataFlow:(airflow,churn_scoring,prod)', jobId: 'score' },
    urn: 'urn:li:dataJob:(urn:li:dataFlow:(airflow,churn_scoring,prod),score)',
  },
  [EntityType.DEPLOYMENT]: {
    key: { platform: 'sagemaker', name: 'churn-endpoint', env: Env.STG },
    urn: 'urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,churn-endpoint,STG)',
  },
};

/** A key for `type` made from its scheme alone (an embedded URN is one of a sample key of its kind). */
function sampleKey(type: EntityType): Record<string, string> {
  const values = { platform: 'plat', name: 'a name.v2', part: 'id_1', env: Env.DEV } as const;
  return Object.fromEntries(
    urnSchemeOf(type).key.map((slot) => [slot.field, slot.kind === 'urn' ? buildUrn(slot.of as EntityType, sampleKey(slot.of as EntityType)) : values[slot.kind]]),
  );
}

describe('URN scheme', () => {
  it.each(Object.keys(EXAMPLES) as EntityType[])('%s: builds the DataHub URN and parses it back to the same type and key', (type) => {
    const { key, urn } = EXAMPLES[type]!;
    expect(buildUrn(type, key)).toBe(urn);
    expect(parseUrn(urn)).toEqual({ type, key });
    expect(Object.keys(parseUrn(urn)!.key).sort()).toEqual(urnSchemeOf(type).key.map((slot) => slot.field).sort());
  });

  it.each(ENTITY_TYPES)('%s: a key made from its scheme round-trips through buildUrn and parseUrn', (type) => {
    const key = sampleKey(type);
    expect(parseUrn(buildUrn(type, key))).toEqual({ type, key });
  });

  it('no URN of one type parses as another', () => {
    for (const type of ENTITY_TYPES) {
      const urn = EXAMPLES[type]?.urn ?? buildUrn(type, sampleKey(type));
      const reads = (t: EntityType) => {
        const split = splitUrn(urn)!;
        return split.entity === urnSchemeOf(t).entity && parseKey(urnSchemeOf(t), split.key, parseUrn) !== null;
      };
      const others = ENTITY_TYPES.filter((t) => t !== type && reads(t));
      expect({ type, others }).toEqual({ type, others: [] });
    }
  });

  it('accepts every DataHub fabric as env, e.g. the SANDBOX and PRD of real DataHub URNs', () => {
    expect(Object.values(Env)).toHaveLength(17);
    for (const env of Object.values(Env) as string[]) {
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

  // DataHub's dataJob embeds its dataFlow's URN as a key part: a scheme can say so (kind 'urn').
  describe('a key part that is another entity\'s URN', () => {
    const flow = urnScheme('dataFlow', partKey('orchestrator'), nameKey('flowId'), partKey('cluster'));
    const job = urnScheme('dataJob', urnKey('flow', 'PIPELINE'), partKey('jobId'));
    const read = (urn: string): { type: string } | null => {
      const split = splitUrn(urn);
      if (split?.entity === 'dataFlow' && parseKey(flow, split.key, read)) return { type: 'PIPELINE' };
      return null;
    };
    const flowUrn = formatUrn(flow, { orchestrator: 'airflow', flowId: 'daily etl', cluster: 'prod' });

    it('writes and reads it whole, parentheses and commas included', () => {
      const urn = formatUrn(job, { flow: flowUrn, jobId: 'extract' });
      expect(urn).toBe('urn:li:dataJob:(urn:li:dataFlow:(airflow,daily etl,prod),extract)');
      expect(parseKey(job, splitUrn(urn)!.key, read)).toEqual({ flow: flowUrn, jobId: 'extract' });
    });

    it.each([
      ['not a URN of that kind', '(urn:li:container:x,extract)'],
      ['a malformed embedded URN', '(urn:li:dataFlow:(airflow,etl),extract)'],
      ['unbalanced parentheses', '(urn:li:dataFlow:(airflow,etl,prod,extract)'],
      ['a closing parenthesis too many', '(urn:li:dataFlow:(airflow,etl,prod)),extract)'],
      ['a missing part', '(urn:li:dataFlow:(airflow,etl,prod))'],
    ])('refuses %s', (_label, key) => {
      expect(parseKey(job, key, read)).toBeNull();
    });
  });
});

describe('urnProblem (what a person is told about a URN mlgraph cannot read)', () => {
  it('is null for every URN parseUrn reads', () => {
    expect(urnProblem('urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,PROD)')).toBeNull();
    expect(urnProblem('urn:li:mlFeature:(fraud,amount_zscore)')).toBeNull();
  });

  it('gives the general shape, with an example, for text that is no URN at all', () => {
    expect(urnProblem('raw.customers')).toBe(
      '"raw.customers" is not a URN: mlgraph\'s URNs are urn:li:<entity>:<key>, e.g. urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.sessions,PROD)',
    );
  });

  it('lists the entity names mlgraph stores when the entity is unknown', () => {
    const problem = urnProblem('urn:li:chart:(looker,a)')!;
    expect(problem).toMatch(/^"urn:li:chart:\(looker,a\)" is not a URN mlgraph stores: its entity "chart" is none of /);
    for (const entity of ['dataset', 'mlFeature', 'mlModel', 'mlModelGroup', 'dataProcessInstance']) expect(problem).toContain(entity);
  });

  it('names the wrong part and the expected format of a known entity', () => {
    expect(urnProblem('urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,prod)')).toBe(
      '"urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,prod)" is not a valid DATASET URN ' +
        '(urn:li:dataset:(urn:li:dataPlatform:<platform>,<name>,<env>)): its env part is "prod": it must be one of ' +
        `DataHub's fabrics, ${Object.values(Env).join(', ')} (upper case)`,
    );
    expect(urnProblem('urn:li:dataset:(s3,raw.customers,PROD)')).toMatch(/its platform part is "s3": it must be urn:li:dataPlatform:<platform>$/);
    expect(urnProblem('urn:li:dataset:raw.customers')).toMatch(/its key must be 3 parts in parentheses, separated by commas: \(<platform>,<name>,<env>\)$/);
  });
});
