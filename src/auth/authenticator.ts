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

  constructor(
    private readonly graph: Graph,
    provisioned: ProvisionedToken[],
    readonly anonymousRole: Role | null,
  ) {
    this.provisioned = new Map(provisioned.map((t) => [t.hash, t]));
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return { name: 'anonymous', role: this.anonymousRole, anonymous: true };
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
