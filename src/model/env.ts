/**
 * DataHub's fabric type (`FabricType`, all 17 of its values): the environment an entity belongs to.
 * PRD, TST and SBX are DataHub's alternative spellings of PROD, TEST and SANDBOX; like DataHub,
 * mlgraph keeps them apart (they make different URNs).
 */
export enum Env {
  DEV = 'DEV',
  TEST = 'TEST',
  QA = 'QA',
  UAT = 'UAT',
  EI = 'EI',
  PRE = 'PRE',
  STG = 'STG',
  NON_PROD = 'NON_PROD',
  PROD = 'PROD',
  CORP = 'CORP',
  RVW = 'RVW',
  PRD = 'PRD',
  TST = 'TST',
  SIT = 'SIT',
  SBX = 'SBX',
  SANDBOX = 'SANDBOX',
  CERT = 'CERT',
}

/** The env of an entity whose input names none. */
export const DEFAULT_ENV = Env.PROD;
