import { ArgsType, Field, ID } from 'type-graphql';
import { IsString, MaxLength } from 'class-validator';
import { PageArgs } from './page.args';

@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'URN of the entity (archived entities keep their history).' })
  @IsString()
  @MaxLength(2048)
  urn!: string;
}
