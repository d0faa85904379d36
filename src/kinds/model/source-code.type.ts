import { Field, InputType, ObjectType } from 'type-graphql';
import { IsString, IsUrl, Matches, MaxLength } from 'class-validator';

/** Source-code kinds are open-ended upper-case words (GITHUB, NOTEBOOK, TRAINING_PIPELINE, ...). */
const SOURCE_CODE_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;

@ObjectType({ description: 'A link to code behind a model (DataHub SourceCodeUrl).' })
export class SourceCode {
  @Field({ description: 'Kind of code, e.g. GITHUB, NOTEBOOK, TRAINING_PIPELINE, EVALUATION_PIPELINE.' })
  type!: string;

  @Field({ description: 'Where the code is.' })
  url!: string;
}

@InputType({ description: 'A link to code behind a model.' })
export class SourceCodeInput {
  @Field({ description: 'Kind of code: an upper-case word such as GITHUB, NOTEBOOK or TRAINING_PIPELINE.' })
  @IsString()
  @Matches(SOURCE_CODE_TYPE, { message: 'type must be an upper-case word of letters, digits and _ (at most 64)' })
  type!: string;

  @Field({ description: 'Where the code is (a URL).' })
  @IsUrl({ require_tld: false, require_protocol: true })
  @MaxLength(2048)
  url!: string;
}
