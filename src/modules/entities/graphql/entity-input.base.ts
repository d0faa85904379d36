import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { Env } from '../../../model/entity-type';
import { CustomPropertyInput, OwnerInput } from './common.types';

/**
 * MLSpec: names start with a letter or digit; `,` `(` `)` would break the URN. Control and format
 * characters (NUL, ESC, U+202E right-to-left override, zero-width spaces: Unicode Cc and Cf),
 * lone surrogates and line or paragraph separators are refused too: they hide or disguise text,
 * so two URNs that look the same could name different entities.
 */
export const NAME_PATTERN = /^[A-Za-z0-9][^,()\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]*$/u;
export const NAME_MESSAGE = 'must start with a letter or digit and contain no , ( ), control or format characters';
/** Platforms, namespaces and ids are URN parts: no separators or spaces (ASCII only, so always NFC). */
export const KEY_PART_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:\-/@]*$/;
export const KEY_PART_MESSAGE = 'must start with a letter or digit and use only letters, digits and _ . : - / @';
export const NFC_MESSAGE = 'must be in Unicode normalization form C (NFC), e.g. "é" as one character rather than "e" and U+0301';

/**
 * Why `value` cannot be the URN key field `field` ("name", or a key part such as "platform"), or
 * null. Text that is not in NFC is refused rather than normalized: the URN a client computes from
 * the name it sent must be the URN stored, and "café" in two normal forms must not make two URNs.
 */
export function keyFieldProblem(field: string, value: string): string | null {
  const name = field === 'name';
  if (!(name ? NAME_PATTERN : KEY_PART_PATTERN).test(value)) return `${field} ${name ? NAME_MESSAGE : KEY_PART_MESSAGE}`;
  if (value.normalize('NFC') !== value) return `${field} ${NFC_MESSAGE}`;
  return null;
}

/** class-validator: the property is a valid entity name (see keyFieldProblem). */
export function IsEntityName(): PropertyDecorator {
  return ValidateBy({
    name: 'isEntityName',
    validator: {
      validate: (value) => typeof value === 'string' && keyFieldProblem('name', value) === null,
      defaultMessage: (args) => keyFieldProblem('name', String(args?.value)) ?? `name ${NAME_MESSAGE}`,
    },
  });
}

/**
 * Fields every upsert input shares (each input class extends this one; type-graphql inherits the
 * fields; it must be registered as an input type for that). Absent fields are left as stored;
 * null clears a field.
 */
@InputType('EntityInputBase', { description: 'Fields every upsert input shares.' })
export abstract class EntityInputBase {
  @Field({ description: 'Name (1-255 characters, starting with a letter or digit; no , ( )).' })
  @IsString()
  @Length(1, 255)
  @IsEntityName()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description, up to 32K characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags; replaces the stored tags when present.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  tags?: string[] | null;

  @Field(() => [OwnerInput], { nullable: true, description: 'Owners; replaces the stored owners when present.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  owners?: OwnerInput[] | null;

  @Field(() => [CustomPropertyInput], { nullable: true, description: 'Custom properties; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  customProperties?: CustomPropertyInput[] | null;

  @Field(() => String, { nullable: true, description: 'Link to the entity in its home system.' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  @MaxLength(2048)
  externalUrl?: string | null;
}

/** Inputs keyed by a platform (feature tables; the base of platform-and-env keys). */
@InputType('PlatformInputBase', { description: 'Inputs keyed by platform and name.' })
export abstract class PlatformInputBase extends EntityInputBase {
  @Field({ description: 'Platform, e.g. "s3", "snowflake", "mlflow", "sagemaker" (key).' })
  @IsString()
  @Length(1, 100)
  @Matches(KEY_PART_PATTERN, { message: `platform ${KEY_PART_MESSAGE}` })
  platform!: string;
}

/** Inputs keyed by (platform, name, env): datasets, model groups, models, deployments. */
@InputType('PlatformEnvInputBase', { description: 'Inputs keyed by platform, name and env.' })
export abstract class PlatformEnvInputBase extends PlatformInputBase {
  @Field(() => Env, { nullable: true, description: 'Environment (key; default PROD).' })
  @IsOptional()
  @IsEnum(Env)
  env?: Env;
}
