import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Role } from './role';
import { createApiToken, listApiTokens, revokeApiToken } from './token.service';
import { ApiToken, CreatedApiToken } from './token.type';

@Resolver()
export class TokenResolver {
  @Query(() => [ApiToken], { description: 'All API tokens, newest first (ADMIN).' })
  apiTokens(@Ctx() ctx: Context) {
    return listApiTokens(ctx);
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token (ADMIN). The secret is in the answer only.' })
  createApiToken(
    @Arg('principal', {
      description: 'Who will use it, e.g. "ci-training-pipeline": 1-255 letters, digits, _ . @ or -, not a name the server uses itself ("anonymous", "system"...).',
    })
    principal: string,
    @Arg('role', () => Role, { description: 'What it may do.' }) role: Role,
    @Ctx() ctx: Context,
  ) {
    return createApiToken(ctx, principal, role);
  }

  @Mutation(() => Boolean, { description: 'Revokes an API token (ADMIN).' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Token id.' }) id: string, @Ctx() ctx: Context) {
    return revokeApiToken(ctx, id);
  }
}
