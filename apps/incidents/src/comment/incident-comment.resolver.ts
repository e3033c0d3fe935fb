import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_USERS, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { IncidentComment } from './incident-comment.entity';
import { IncidentCommentService } from './incident-comment.service';
import { AddIncidentCommentInput } from './dto/add-incident-comment.input';

/** `addIncidentComment` and `Incident.comments`. */
@Resolver(() => Incident)
export class IncidentCommentResolver {
  constructor(private readonly service: IncidentCommentService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => IncidentComment, {
    description:
      'A comment on a case by support staff, the customer’s admins or its designated technicians; the author is the verified caller. Another customer’s case is NOT_FOUND, a closed one CONFLICT.',
  })
  addIncidentComment(
    @Arg('input', () => AddIncidentCommentInput) input: AddIncidentCommentInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<IncidentComment> {
    return this.service.add(input, principal);
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @FieldResolver(() => [IncidentComment], {
    description: 'Comments on the case, oldest first: support staff and the customer’s own people.',
  })
  comments(@Root() incident: Incident): Promise<IncidentComment[]> {
    return this.service.listFor(incident.id);
  }
}
