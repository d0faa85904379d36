import crypto from 'node:crypto';
import fs from 'node:fs';
import { principalProblem } from './principal-name';
import { parseRole, type Role } from './role';

/** Tokens are random and long, so a plain SHA-256 is a safe way to store them (no salt needed). */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: "mlg_" and 43 characters of base64url randomness (256 bits). */
export function generateToken(): string {
  return `mlg_${crypto.randomBytes(32).toString('base64url')}`;
}

export interface ProvisionedToken {
  principal: string;
  role: Role;
  hash: string;
}

export const MIN_TOKEN_LENGTH = 16;

/**
 * Parses provisioned tokens: entries `principal:role:token`, separated by commas or new lines;
 * `#` starts a comment. Throws naming the bad entry (without echoing the secret), also for a
 * principal createApiToken would refuse (see principalProblem).
 */
export function parseProvisionedTokens(text: string, source: string): ProvisionedToken[] {
  const out: ProvisionedToken[] = [];
  const entries = text
    .split(/[\n,]/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const [principal, roleText, ...rest] = entry.split(':');
    const token = rest.join(':');
    const role = roleText === undefined ? null : parseRole(roleText);
    if (!principal || !role || token.length < MIN_TOKEN_LENGTH) {
      throw new Error(
        `${source}: entry ${i + 1} must be principal:role:token with role reader|writer|admin and a token of at least ${MIN_TOKEN_LENGTH} characters`,
      );
    }
    const problem = principalProblem(principal);
    if (problem) throw new Error(`${source}: entry ${i + 1}: ${problem}`);
    out.push({ principal, role, hash: hashToken(token) });
  });
  return out;
}

/** Tokens from MLGRAPH_TOKENS and the file named by MLGRAPH_TOKENS_FILE. */
export function loadProvisionedTokens(env: NodeJS.ProcessEnv): ProvisionedToken[] {
  const tokens = env.MLGRAPH_TOKENS ? parseProvisionedTokens(env.MLGRAPH_TOKENS, 'MLGRAPH_TOKENS') : [];
  if (env.MLGRAPH_TOKENS_FILE) {
    let text: string;
    try {
      text = fs.readFileSync(env.MLGRAPH_TOKENS_FILE, 'utf8');
    } catch (err) {
      throw new Error(`MLGRAPH_TOKENS_FILE: cannot read ${env.MLGRAPH_TOKENS_FILE} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    tokens.push(...parseProvisionedTokens(text, env.MLGRAPH_TOKENS_FILE));
  }
  return tokens;
}
