import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_USERS, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { Attachment } from './attachment.entity';
import { AttachmentDownload } from './attachment-download.entity';
import { AttachmentService } from './attachment.service';
import { AttachmentUpload } from './attachment-upload';
import { RequestAttachmentUploadInput } from './dto/request-attachment-upload.input';

/** Files on a case: asked for here, their bytes moved over HTTP links (see attachment-http.ts). */
@Resolver(() => Attachment)
export class AttachmentResolver {
  constructor(private readonly attachments: AttachmentService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => AttachmentUpload, {
    description:
      'A link to upload one file to a case (network diagram, configuration, CDRs, operation procedure): support staff, the customer’s admins and designated technicians. Another customer’s case is NOT_FOUND; a file over the size limit or of a type a case does not accept is BAD_USER_INPUT.',
  })
  requestAttachmentUpload(
    @Arg('input', () => RequestAttachmentUploadInput) input: RequestAttachmentUploadInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<AttachmentUpload> {
    return this.attachments.requestUpload(input, principal);
  }

  @FieldResolver(() => String, {
    description: 'A link to fetch the bytes (HTTP GET with the same bearer token), valid for a few minutes and for the caller only.',
  })
  downloadUrl(@Root() attachment: Attachment, @Ctx() { principal }: SubgraphContext): string {
    return this.attachments.downloadUrl(attachment, principal);
  }

  @Access(SUPPORT, 'CUSTOMER_ADMIN')
  @FieldResolver(() => [AttachmentDownload], {
    description: 'Every download of the file, oldest first: support staff and the customer’s admins.',
  })
  downloads(@Root() attachment: Attachment): Promise<AttachmentDownload[]> {
    return this.attachments.downloadsOf(attachment.id);
  }
}

/** Contributes `Incident.attachments`. */
@Resolver(() => Incident)
export class IncidentAttachmentsResolver {
  constructor(private readonly service: AttachmentService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @FieldResolver(() => [Attachment], { description: 'Files on the case, oldest first: support staff and the customer’s own people.' })
  attachments(@Root() incident: Incident): Promise<Attachment[]> {
    return this.service.listFor(incident.id);
  }
}
