import type { Queue } from 'bullmq';
import { withTraceparent } from '@polyplus/telemetry';

/** BullMQ queue of mails to send (under `queuePrefix()`), and of timers (return reminders); named in the product's list of queues. */
export { MAIL_DELIVERY_QUEUE } from '@polyplus/events';

export const SEND_MAIL = 'send';
export const RETURN_REMINDER = 'return-reminder';

export type SendMailJob = { deliveryId: string };
export type ReturnReminderJob = { orderId: string };
export type MailJob = SendMailJob | ReturnReminderJob;

export type RetrySettings = { maxAttempts: number; retryBaseMs: number };

/** One job per delivery, its id the delivery's: adding it again while it exists adds nothing. */
export async function enqueueDeliveries(queue: Queue<MailJob>, deliveryIds: string[], retry: RetrySettings): Promise<void> {
  if (deliveryIds.length === 0) return;
  await queue.addBulk(
    deliveryIds.map((deliveryId) => ({
      name: SEND_MAIL,
      data: withTraceparent({ deliveryId }),
      opts: {
        jobId: `mail_${deliveryId}`,
        attempts: retry.maxAttempts,
        backoff: { type: 'exponential', delay: retry.retryBaseMs },
        removeOnComplete: 1_000,
        removeOnFail: 5_000,
      },
    })),
  );
}

/** The reminder that a defective part is due back, two days before it would be invoiced. */
export async function scheduleReturnReminder(queue: Queue<MailJob>, orderId: string, at: Date, now: Date): Promise<void> {
  await queue.add(RETURN_REMINDER, withTraceparent({ orderId }), {
    jobId: `return-due_${orderId}`,
    delay: Math.max(0, at.getTime() - now.getTime()),
    attempts: 10,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  });
}
