import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('AttachmentUpload', {
  description:
    'Where to send a file’s bytes: an HTTP PUT of exactly `size` bytes to `uploadUrl` (relative to the gateway unless the deployment sets FILES_PUBLIC_URL), with the declared Content-Type and the same bearer token, before `expiresAt`. The attachment exists once the PUT answered 201.',
})
export class AttachmentUpload {
  @Field(() => ID, { description: 'The id the attachment will have.' })
  attachmentId: string;

  @Field(() => String)
  uploadUrl: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Int, { description: 'The largest file a case accepts, in bytes.' })
  maxBytes: number;
}
