import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsIn, IsInt, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { AttachmentKind } from '../attachment-kind';
import { ATTACHMENT_CONTENT_TYPE_NAMES } from '../attachment-content';

@InputType({ description: 'A file to be put on a case: the bytes follow by HTTP PUT to the link the mutation returns.' })
export class RequestAttachmentUploadInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String, { description: 'Up to 255 characters; no path separators or control characters.' })
  @IsNotBlank()
  @MaxLength(255)
  // No control characters (they break headers and logs), no path separators, not "." or "..".
  @Matches(/^(?!\.{1,2}$)[^\u0000-\u001f\u007f/\\]+$/, {
    message: 'fileName must be a file name without path separators or control characters',
  })
  fileName: string;

  @Field(() => String, { description: `One of: ${ATTACHMENT_CONTENT_TYPE_NAMES.join(', ')}. Checked against the bytes when they arrive.` })
  @IsIn(ATTACHMENT_CONTENT_TYPE_NAMES)
  contentType: string;

  @Field(() => Int, { description: 'The exact size in bytes, at least 1 and at most the configured limit (25 MiB by default).' })
  @IsInt()
  @Min(1)
  size: number;

  @Field(() => AttachmentKind)
  @IsEnum(AttachmentKind)
  kind: AttachmentKind;
}
