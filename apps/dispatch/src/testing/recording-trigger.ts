import type { OptimiseRegionJob } from '@polyplus/events';
import { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';

/** Records which regions were asked to re-plan instead of enqueueing (for tests of the request side only). */
export class RecordingTrigger extends OptimisationTrigger {
  readonly requested: string[] = [];

  constructor(private readonly failure?: Error) {
    super('unused');
  }

  override async request(job: OptimiseRegionJob): Promise<void> {
    if (this.failure) throw this.failure;
    this.requested.push(job.region);
  }
}
