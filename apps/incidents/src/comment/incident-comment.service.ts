import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { appendAudit } from '../incident/incident-change';
import { incidentEventState } from '../incident/incident-event-state';
import type { CaseContributors } from '../attachment/case-contributors';
import { IncidentComment } from './incident-comment.entity';
import type { AddIncidentCommentInput } from './dto/add-incident-comment.input';
import { caseEventIds } from '../incident/case-event-ids';

/** Comments on a case: written by the verified caller, audited and published with the comment in one transaction. */
export class IncidentCommentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contributors: CaseContributors,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(input: AddIncidentCommentInput, by: Principal): Promise<IncidentComment> {
    const incident = await this.contributors.caseFor(input.incidentId, by);
    const body = input.body.trim();
    const comment = Object.assign(new IncidentComment(), {
      id: randomUUID(),
      incidentId: incident.id,
      customerId: incident.customerId,
      body,
      author: actorOf(by),
      createdAt: this.now(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(IncidentComment, comment);
      await appendAudit(manager, {
        incidentId: incident.id,
        actor: comment.author,
        action: 'COMMENT_ADDED',
        at: comment.createdAt,
        // The text stays in the comment, readable by those who may read comments.
        note: `comment ${comment.id}`,
      });
      await appendToOutbox(manager, {
        topic: INCIDENT_TOPICS.commentAdded,
        key: incident.id,
        occurredAt: comment.createdAt,
        payload: {
          ...caseEventIds(incident),
          status: incident.status,
          action: 'COMMENT_ADDED',
          commentId: comment.id,
          author: comment.author,
          ...incidentEventState(incident),
        },
      });
    });
    return comment;
  }

  listFor(incidentId: string): Promise<IncidentComment[]> {
    return this.dataSource.getRepository(IncidentComment).find({ where: { incidentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
