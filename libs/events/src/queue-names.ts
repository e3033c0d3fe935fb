// The BullMQ queues of the product, named once: the services that fill and work them import their
// names from here, and whatever looks at every queue (the gateway's queue dashboard) reads the list.

/** Delayed escalation timers of support cases (incidents). */
export const ESCALATION_QUEUE = 'incident-escalation';
/** Return deadlines of defective parts, invoiced when they pass (logistics). */
export const RETURN_DEADLINE_QUEUE = 'return-deadlines';
/** Debounced re-optimisation of a region's onsite-visit plan (dispatch fills it, the scheduler works it). */
export const DISPATCH_OPTIMISATION_QUEUE = 'dispatch-optimisation';
/** Mails to send and the reminders that return parts are due (notifications). */
export const MAIL_DELIVERY_QUEUE = 'mail-delivery';
/** Signed deliveries of events to partner webhook endpoints (incidents). */
export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';

export type ProductQueue = { name: string; description: string };

/** Every BullMQ queue the product uses, with what it holds (all under `queuePrefix()`). */
export const PRODUCT_QUEUES: readonly ProductQueue[] = [
  { name: ESCALATION_QUEUE, description: 'Escalation timers of support cases (incidents)' },
  { name: RETURN_DEADLINE_QUEUE, description: 'Return deadlines of defective parts (logistics)' },
  { name: DISPATCH_OPTIMISATION_QUEUE, description: 'Region plan optimisations (dispatch → scheduler)' },
  { name: MAIL_DELIVERY_QUEUE, description: 'Mail to send and return reminders (notifications)' },
  { name: WEBHOOK_DELIVERY_QUEUE, description: 'Partner webhook deliveries (incidents)' },
];
