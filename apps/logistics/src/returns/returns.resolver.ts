import { Arg, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Access, SUPPORT } from '@polyplus/subgraph-kit';
import { DefectiveReturn } from './defective-return.entity';
import { Invoice } from './invoice.entity';
import { ReturnsService } from './returns.service';
import type { ReturnDeadlines } from './return-deadline-queue';

@Resolver(() => DefectiveReturn)
export class ReturnsResolver {
  constructor(
    private readonly returns: ReturnsService,
    private readonly deadlines: Pick<ReturnDeadlines, 'cancel'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  @Access(SUPPORT)
  @Mutation(() => DefectiveReturn, { description: 'The service facility received the defective part.' })
  async receiveDefectivePart(@Arg('returnId', () => ID) returnId: string): Promise<DefectiveReturn> {
    const received = await this.returns.receive(returnId, this.now());
    // A leftover timer would find the return no longer EXPECTED and do nothing: cancelling is tidiness.
    await this.deadlines.cancel(returnId).catch(() => undefined);
    return received;
  }

  @FieldResolver(() => [Invoice])
  invoices(@Root() defectiveReturn: DefectiveReturn): Promise<Invoice[]> {
    return this.returns.invoicesFor(defectiveReturn.id);
  }
}
