import { GateSyntaxError, matches, parseGate, type GateSubject } from '../../../src/cli/gate/fail-if';

const deployment: GateSubject = {
  urn: 'urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,churn-endpoint,PROD)',
  type: 'DEPLOYMENT',
  name: 'churn-endpoint',
  status: 'ACTIVE',
  degree: 3,
  env: 'PROD',
  platform: 'sagemaker',
  aliases: [],
  tags: ['tier-1'],
};
const champion: GateSubject = {
  urn: 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn-v3,PROD)',
  type: 'MODEL',
  name: 'churn-v3',
  status: 'ACTIVE',
  degree: 2,
  env: 'PROD',
  platform: 'mlflow',
  aliases: ['challenger', 'champion'],
  tags: [],
};
const experiment: GateSubject = { urn: 'urn:li:container:e1', type: 'EXPERIMENT', name: 'e1', status: 'DEPRECATED', degree: 1, aliases: [], tags: [] };

const holds = (expr: string, s: GateSubject) => matches(parseGate(expr), s);

describe('--fail-if rules', () => {
  it('match on type and env together, ignoring case', () => {
    expect(holds('type=DEPLOYMENT and env=PROD', deployment)).toBe(true);
    expect(holds('type=deployment and env=prod', deployment)).toBe(true);
    expect(holds('type=DEPLOYMENT and env=PROD', champion)).toBe(false);
  });

  it('match a model holding an alias among several, and lists of values as "any of"', () => {
    expect(holds('alias=champion', champion)).toBe(true);
    expect(holds('alias=champion', deployment)).toBe(false);
    expect(holds('type=MODEL,DEPLOYMENT', deployment)).toBe(true);
    expect(holds('alias!=champion', champion)).toBe(false);
    expect(holds('alias!=champion', deployment)).toBe(true);
  });

  it('treat a field the entity lacks as equal to nothing', () => {
    expect(holds('env=PROD', experiment)).toBe(false);
    expect(holds('env!=PROD', experiment)).toBe(true);
  });

  it('compare degrees as numbers and apply or, not and parentheses with the usual precedence', () => {
    expect(holds('degree<=2', champion)).toBe(true);
    expect(holds('degree>2', champion)).toBe(false);
    expect(holds('degree=1,3', deployment)).toBe(true);
    expect(holds('type=EXPERIMENT or type=MODEL and alias=nope', experiment)).toBe(true);
    expect(holds('(type=EXPERIMENT or type=MODEL) and alias=nope', experiment)).toBe(false);
    expect(holds('not status=ACTIVE', experiment)).toBe(true);
    expect(holds('any', experiment)).toBe(true);
  });

  it('expand * and keep quoted values whole', () => {
    expect(holds('name=churn-*', champion)).toBe(true);
    expect(holds('name=churn-*', experiment)).toBe(false);
    expect(holds("name='churn v3' or tag=\"tier-1\"", deployment)).toBe(true);
    expect(holds('platform=MLFLOW', champion)).toBe(false); // platform keeps its case
  });

  it.each([
    ['', /empty/],
    ['type', /expected = != </],
    ['type=', /expected a value/],
    ['colour=red', /expected a field/],
    ['env<PROD', /only degree/],
    ['degree>two', /whole numbers/],
    ['(type=MODEL', /expected "\)"/],
    ['type=MODEL env=PROD', /expected "and", "or" or the end/],
  ])('refuse %j with a message saying what was expected', (expr, message) => {
    expect(() => parseGate(expr)).toThrow(GateSyntaxError);
    expect(() => parseGate(expr)).toThrow(message);
  });
});
