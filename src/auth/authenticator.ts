import { GraphQLError } from 'graphql';
import { queries, type Graph } from '../graph';
import { ErrorCode } from '../errors/error-code';
import { hashToken, type ProvisionedToken } from './tokens';
import { parseRole, type Principal, type Role } from './role';

/** How long a token looked up in Neo4j is trusted before it is checked again (revocation delay). */
const CACHE_MS = 5_000;

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/**
 * Turns an Authorization header into a Principal. Tokens provisioned from configuration are checked
 * in memory; others are looked up by hash among the ApiToken nodes. No header means anonymous, with
 * the configured anonymous role (null: may do nothing). A token that is unknown or revoked is
 * UNAUTHENTICATED, never silently anonymous.
 */
export class Authenticator {
  private readonly provisioned: Map<string, ProvisionedToken>;
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  /** Whether a live API token was stored when first asked (closedByStoredTokens only). */
  private tokensStored?: Promise<boolean>;

  /**
   * `closedByStoredTokens`: anonymous callers get `anonymousRole` only if no live API token is
   * stored when the server first looks (at the first request without a token, or at start), and
   * none for the rest of the process otherwise (AuthConfig).
   */
  constructor(
    private readonly graph: Graph,
    provisioned: ProvisionedToken[],
    private readonly anonymousRole: Role | null,
    private readonly closedByStoredTokens = false,
  ) {
    this.provisioned = new Map(provisioned.map((t) => [t.hash, t]));
  }

  /** The role of requests without a token: the configured one, or none once stored tokens close the open default. */
  async roleOfAnonymous(): Promise<Role | null> {
    if (this.anonymousRole === null || !this.closedByStoredTokens) return this.anonymousRole;
    this.tokensStored ??= this.graph.read(queries.liveTokensCount, {}).then(
      ([row]) => (row?.live ?? 0) > 0,
      (err) => {
        this.tokensStored = undefined; // asked again by the next request
        throw err;
      },
    );
    return (await this.tokensStored) ? null : this.anonymousRole;
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return { name: 'anonymous', role: await this.roleOfAnonymous(), anonymous: true };
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const hash = hashToken(m[1]);
    const known = this.provisioned.get(hash);
    if (known) return { name: known.principal, role: known.role, anonymous: false };

    const cached = this.cache.get(hash);
    let principal: Principal | null;
    if (cached && cached.until > Date.now()) principal = cached.principal;
    else {
      const [row] = await this.graph.read(queries.tokenByHash, { hash });
      principal = row ? { name: row.principal, role: parseRole(row.role), anonymous: false } : null;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { principal, until: Date.now() + CACHE_MS });
    }
    if (!principal) throw unauthenticated('The token is unknown or revoked.');
    return principal;
  }

  /** Forgets cached lookups (after a revocation through this server). */
  forget(): void {
    this.cache.clear();
  }
}
