// The API's enum values as people read them.

const STATUS_WORDS: Record<string, string> = {
  NEW: 'New',
  RESPONDED: 'Responded',
  IN_PROGRESS: 'In progress',
  WORKAROUND_PROVIDED: 'Workaround provided',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
  ORDERED: 'Ordered',
  BACKORDERED: 'Back-ordered',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  CREATED: 'Label created',
  PICKED_UP: 'Picked up',
  IN_TRANSIT: 'In transit',
  CUSTOMS_HOLD: 'Held at customs',
  EXCEPTION: 'Delivery exception',
  EXPECTED: 'Expected back',
  RECEIVED: 'Received',
  INVOICED: 'Invoiced',
  CREDITED: 'Credited',
  UNPLANNED: 'Being scheduled',
  PLANNED: 'Scheduled',
  COMPLETED: 'Completed',
  OPEN: 'Open',
  ONSITE: 'Onsite support',
  POLY_LENS: 'Poly Lens',
  SERIAL_LIST_IMPORT: 'Serial-number list',
  INVOICE: 'Invoice',
  CREDIT_NOTE: 'Credit note',
  MICROSOFT_TEAMS: 'Microsoft Teams',
  ZOOM: 'Zoom',
  GOOGLE_MEET: 'Google Meet',
  WEBEX: 'Webex',
  RINGCENTRAL: 'RingCentral',
  PHONE: 'Phone',
  CHAT: 'Chat',
  WEB: 'Web',
  VIDEO: 'Video',
  KNOWN_ISSUE: 'Known issue',
  NEW_ISSUE: 'New issue opened',
  FEATURE_REQUEST: 'Feature request',
};

/** "IN_PROGRESS" → "In progress"; values this page does not know read as sentence case. */
export function words(value: string | null | undefined): string {
  if (!value) return '—';
  if (STATUS_WORDS[value]) return STATUS_WORDS[value];
  const spaced = value.replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const ROLE_WORDS: Record<string, string> = {
  SUPPORT_ENGINEER: 'Poly support',
  DISPATCH_PLANNER: 'Poly dispatch',
  SERVICE: 'Poly system',
  CUSTOMER_ADMIN: 'Customer admin',
  CUSTOMER_TECHNICIAN: 'Customer technician',
  PARTNER: 'Partner',
};

/** Who did something, from an audit actor `<ROLE>:<subject>` or `system`. */
export function actorWords(actor: string): string {
  if (actor === 'system') return 'Poly system';
  const [role, ...rest] = actor.split(':');
  const subject = rest.join(':');
  const who = ROLE_WORDS[role];
  if (!who) return actor;
  // Vendor staff are named by their team; the customer's own people by name.
  return role.startsWith('CUSTOMER_') ? `${subject} (${who.toLowerCase()})` : who;
}

/** A case or record id as people quote it: its first eight characters, upper case. */
export function shortId(id: string): string {
  return id.slice(0, 8).toUpperCase();
}
