import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

/** The longest comment: well within the 65,535-byte TEXT column at 4 bytes a character. */
export const COMMENT_MAX_LENGTH = 5000;

@InputType()
export class AddIncidentCommentInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String, { description: `Up to ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters, not blank.` })
  @IsNotBlank()
  @MaxLength(COMMENT_MAX_LENGTH)
  body: string;
}
