import { registerEnumType } from 'type-graphql';

/** Mirrors the customers subgraph's PremiumFeature (composition needs the same values in both). */
export enum PremiumFeature {
  REMOTE_MANAGEMENT = 'REMOTE_MANAGEMENT',
  ADVANCED_ANALYTICS = 'ADVANCED_ANALYTICS',
  FIRMWARE_SCHEDULING = 'FIRMWARE_SCHEDULING',
  PROVISIONING_TEMPLATES = 'PROVISIONING_TEMPLATES',
  PROACTIVE_ALERTS = 'PROACTIVE_ALERTS',
}

registerEnumType(PremiumFeature, {
  name: 'PremiumFeature',
  description: 'A premium Poly Lens device-management feature a Poly+ contract entitles.',
  valuesConfig: {
    REMOTE_MANAGEMENT: { description: 'Configure, restart and troubleshoot devices remotely.' },
    ADVANCED_ANALYTICS: { description: 'Room usage, call quality and device health analytics.' },
    FIRMWARE_SCHEDULING: { description: 'Schedule software updates across the fleet in maintenance windows.' },
    PROVISIONING_TEMPLATES: { description: 'Provision devices from reusable configuration templates.' },
    PROACTIVE_ALERTS: { description: 'Alerts on device faults before users report them.' },
  },
});
