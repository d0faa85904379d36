import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from './role';

registerEnumType(Role, { name: 'Role', description: 'What a token may do; each role includes the ones before it.' });

@ObjectType({ description: 'An API token (its secret is shown only once, when created).' })
export class ApiToken {
  @Field(() => ID, { description: 'Token id, used to revoke it.' })
  id!: string;

  @Field({ description: 'Who uses the token; recorded as createdBy/updatedBy of their changes.' })
  principal!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  role!: Role;

  @Field({ description: 'When the token was created.' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who created the token.' })
  createdBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null while it is live.' })
  revokedAt?: Date | null;
}

@ObjectType({ description: 'A newly created token with its secret.' })
export class CreatedApiToken extends ApiToken {
  @Field({ description: 'The secret to send as "Authorization: Bearer <token>". It is not stored and cannot be shown again.' })
  token!: string;
}
