import { ArgsType, Field, ID } from 'type-graphql';
import { IsString, Length, Matches } from 'class-validator';

/**
 * Aliases are lower-case words such as champion, challenger or latest: a letter, then up to 63
 * letters, digits, `_` or `-` (so they are safe in URLs and CLI flags, like MLflow's aliases).
 */
export const ALIAS_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const ALIAS_MESSAGE = 'alias must be a lower-case letter followed by up to 63 lower-case letters, digits, _ or -';

/** A group and one of its aliases: the arguments of `removeModelAlias` and `modelByAlias`. */
@ArgsType()
export class ModelAliasArgs {
  @Field(() => ID, { description: 'URN of the model group the alias belongs to.' })
  @IsString()
  @Length(1, 2048)
  group!: string;

  @Field({ description: 'The alias, e.g. "champion": ^[a-z][a-z0-9_-]{0,63}$.' })
  @IsString()
  @Matches(ALIAS_PATTERN, { message: ALIAS_MESSAGE })
  alias!: string;
}

/** Arguments of `setModelAlias`. */
@ArgsType()
export class SetModelAliasArgs extends ModelAliasArgs {

  @Field(() => ID, { description: 'URN of the model version that takes the alias; it must be a member of the group.' })
  @IsString()
  @Length(1, 2048)
  model!: string;
}
