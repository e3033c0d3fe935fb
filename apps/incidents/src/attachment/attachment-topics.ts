/** Published through the outbox (key = incident id) when a file has been added to a case. */
export const ATTACHMENT_ADDED_TOPIC = 'incident.attachment-added';
