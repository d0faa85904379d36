import { loadConfig } from '../../src/config';
import { hashToken, parseProvisionedTokens } from '../../src/auth/tokens';
import { hasRole, Role } from '../../src/auth/role';
import { principalProblem } from '../../src/auth/principal-name';

describe('provisioned tokens', () => {
  it('parse principal:role:token entries from commas or lines, keeping only hashes', () => {
    const tokens = parseProvisionedTokens('ci:writer:abcdefghijklmnop1, # comment\nui:READER:abc:def:ghijklmnop', 'MLGRAPH_TOKENS');
    expect(tokens).toEqual([
      { principal: 'ci', role: Role.WRITER, hash: hashToken('abcdefghijklmnop1') },
      { principal: 'ui', role: Role.READER, hash: hashToken('abc:def:ghijklmnop') },
    ]);
  });

  it('reject short tokens and unknown roles without echoing the secret', () => {
    expect(() => parseProvisionedTokens('ci:writer:short', 'X')).toThrow(/entry 1/);
    expect(() => parseProvisionedTokens('ci:root:abcdefghijklmnopqrst', 'X')).toThrow(/role reader\|writer\|admin/);
    try {
      parseProvisionedTokens('ci:root:abcdefghijklmnopqrst', 'X');
    } catch (e) {
      expect(String(e)).not.toContain('abcdefghijklmnopqrst');
    }
  });
});

describe('principal names', () => {
  it('refuse names the server shows for its own callers, in any case, and odd characters', () => {
    expect(principalProblem('ci-pipeline')).toBeNull();
    expect(principalProblem('svc.mlflow@prod')).toBeNull();
    for (const reserved of ['anonymous', 'Anonymous', 'SYSTEM', 'mlgraph', 'unknown', 'null']) {
      expect(principalProblem(reserved)).toMatch(/reserved/);
    }
    for (const odd of ['', '-ci', 'ci pipeline', 'ci\u202e', 'ci\u0000', 'x'.repeat(256)]) expect(principalProblem(odd)).toMatch(/1-255 letters/);
  });

  it('are checked in MLGRAPH_TOKENS as createApiToken checks them, naming the entry but not the secret', () => {
    expect(() => parseProvisionedTokens('ci:writer:abcdefghijklmnop1\nanonymous:admin:abcdefghijklmnop2', 'MLGRAPH_TOKENS')).toThrow(
      /MLGRAPH_TOKENS: entry 2: principal "anonymous" is reserved/,
    );
    expect(() => parseProvisionedTokens('ci pipeline:writer:abcdefghijklmnop1', 'X')).toThrow(/entry 1/);
    expect(() => loadConfig({ MLGRAPH_TOKENS: 'system:reader:abcdefghijklmnop1' })).not.toThrow(/abcdefghijklmnop1/);
  });
});

describe('anonymous access', () => {
  it('is open only for the local default: no tokens and a loopback host', () => {
    expect(loadConfig({}).auth.anonymousRole).toBe(Role.ADMIN);
    expect(loadConfig({ HOST: '0.0.0.0' }).auth.anonymousRole).toBeNull();
    expect(loadConfig({ MLGRAPH_TOKENS: 'ci:writer:abcdefghijklmnop1' }).auth.anonymousRole).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0', MLGRAPH_ANONYMOUS_ROLE: 'reader' }).auth.anonymousRole).toBe(Role.READER);
    expect(loadConfig({ MLGRAPH_ANONYMOUS_ROLE: 'none' }).auth.anonymousRole).toBeNull();
    expect(() => loadConfig({ MLGRAPH_ANONYMOUS_ROLE: 'root' })).toThrow(/MLGRAPH_ANONYMOUS_ROLE/);
  });

  it('leaves the local default open only until API tokens are stored; a role set on purpose stays', () => {
    expect(loadConfig({}).auth.closedByStoredTokens).toBe(true);
    const onPurpose = loadConfig({ MLGRAPH_ANONYMOUS_ROLE: 'admin' }).auth;
    expect([onPurpose.anonymousRole, onPurpose.closedByStoredTokens]).toEqual([Role.ADMIN, undefined]);
    expect(loadConfig({ HOST: '0.0.0.0' }).auth.closedByStoredTokens).toBeUndefined();
  });

  it('roles include the ones below them', () => {
    expect(hasRole(Role.ADMIN, Role.WRITER)).toBe(true);
    expect(hasRole(Role.WRITER, Role.READER)).toBe(true);
    expect(hasRole(Role.READER, Role.WRITER)).toBe(false);
    expect(hasRole(null, Role.READER)).toBe(false);
  });
});
