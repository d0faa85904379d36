import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { Env } from '../../../model/env';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN, keyFieldProblem, NAME_MESSAGE } from '../../../model/urn-scheme';
import { CustomPropertyInput, OwnerInput } from './common.types';

/** The description of every `eventTime` input field and argument (one meaning everywhere). */
export const EVENT_TIME_DESCRIPTION =
  'When the facts of this write became true (ISO 8601), e.g. when the run ran or the table was written: edges it opens ' +
  'or closes start or end then, so `asOf` reads see the past as it was, and its history record is dated then. Never in ' +
  "the future (up to 60 s ahead of the server's clock counts as now). Default: when the write is committed.";

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

  @Field(() => Date, { nullable: true, description: EVENT_TIME_DESCRIPTION })
  @IsOptional()
  @IsDate()
  eventTime?: Date | null;
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
