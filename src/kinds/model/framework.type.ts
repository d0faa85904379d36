import { Field, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

@ObjectType({ description: 'The ML library a model was built with.' })
export class Framework {
  @Field({ description: 'Library name, e.g. "xgboost", "pytorch", "scikit-learn".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Library version, e.g. "2.0.3".' })
  version?: string | null;
}

@InputType({ description: 'The ML library a model was built with.' })
export class FrameworkInput {
  @Field({ description: 'Library name, e.g. "xgboost".' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Library version.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;
}
