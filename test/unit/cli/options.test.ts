import { graphqlEndpoint, parseEntityType, parseEnv, resolveUrn } from '../../../src/cli/options';
import { EntityType } from '../../../src/cli/urn';

describe('CLI options', () => {
  it('take a bare server URL or a GraphQL endpoint', () => {
    expect(graphqlEndpoint('https://mlgraph.example.com')).toBe('https://mlgraph.example.com/graphql');
    expect(graphqlEndpoint('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/graphql');
    expect(graphqlEndpoint('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/graphql');
    expect(graphqlEndpoint('https://proxy.example.com/mlgraph/graphql')).toBe('https://proxy.example.com/mlgraph/graphql');
    expect(() => graphqlEndpoint('no url')).toThrow(/not a URL/);
  });

  it('read entity types the way people write them', () => {
    expect(parseEntityType('model-group')).toBe(EntityType.MODEL_GROUP);
    expect(parseEntityType('TRAINING_RUN')).toBe(EntityType.RUN); // the name of 0.1.0, deprecated
    expect(parseEntityType('run')).toBe(EntityType.RUN);
    expect(parseEntityType('featuretable')).toBe(EntityType.FEATURE_TABLE);
    expect(parseEntityType('pipeline')).toBe(EntityType.PIPELINE);
    expect(() => parseEntityType('notebook')).toThrow(/unknown type/);
  });

  it('read environments in any case, and name the ones there are when one is unknown', () => {
    expect([parseEnv('dev'), parseEnv('Prod'), parseEnv('QA')]).toEqual(['DEV', 'PROD', 'QA']);
    expect(() => parseEnv('mars')).toThrow(/unknown environment; one of .*DEV.*PROD/);
  });

  it('build URNs from key fields, DATASET and PROD by default', () => {
    expect(resolveUrn(undefined, { platform: 's3', name: 'raw.x' })).toBe('urn:li:dataset:(urn:li:dataPlatform:s3,raw.x,PROD)');
    expect(resolveUrn(undefined, { type: EntityType.EXPERIMENT, id: 'e1' })).toBe('urn:li:container:e1');
    expect(resolveUrn(undefined, { type: EntityType.FEATURE, namespace: 'fraud', name: 'amount' })).toBe('urn:li:mlFeature:(fraud,amount)');
    expect(() => resolveUrn('urn:li:container:e1', { name: 'x' })).toThrow(/not both/);
    expect(() => resolveUrn(undefined, {})).toThrow(/give a URN/);
    expect(() => resolveUrn(undefined, { type: EntityType.MODEL, name: 'm' })).toThrow(/needs --platform/);
  });
});
