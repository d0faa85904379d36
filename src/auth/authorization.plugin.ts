import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors/error-code';
import { requirementsOf } from './access-rules';
import { unauthenticated } from './authenticator';
import { hasRole, type Role, type Principal } from './role';

/** Throws unless `principal` holds `required`: UNAUTHENTICATED for anonymous callers, FORBIDDEN otherwise. */
export function requireRole(principal: Principal, required: Role, what: string): void {
  if (hasRole(principal.role, required)) return;
  if (principal.anonymous) throw unauthenticated(`${what} needs a token with the ${required} role.`);
  throw new GraphQLError(`${what} needs the ${required} role; ${principal.name} has ${principal.role ?? 'none'}.`, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
  });
}

/**
 * Checks the caller's role once per operation, before anything runs, against every root field the
 * operation selects (ACCESS_RULES): queries need READER, mutations WRITER, and some fields or
 * argument values (tokens, archiving) ADMIN. One field the caller may not run refuses the whole
 * operation, so nothing of it is written.
 */
export const authorizationPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document, request, schema }) {
        if (!operation) return;
        for (const need of requirementsOf(schema, document, operation, request.variables)) {
          requireRole(contextValue.principal, need.role, need.what);
        }
      },
      // Apollo answers errors raised before execution with 400; say 401/403 as HTTP clients expect.
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || response.body.singleResult.data) return;
        const code = response.body.singleResult.errors?.[0]?.extensions?.code;
        if (code === ErrorCode.UNAUTHENTICATED) response.http.status = 401;
        if (code === ErrorCode.FORBIDDEN) response.http.status = 403;
      },
    };
  },
};
