import { ArgsType, Field } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { EntityFilter } from './entity-filter.input';
import { PageArgs } from './page.args';

@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'Which entities to list; absent: every ACTIVE or DEPRECATED entity.' })
  @IsOptional()
  @ValidateNested()
  filter?: EntityFilter | null;
}
