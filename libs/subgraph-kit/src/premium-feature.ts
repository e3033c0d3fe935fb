import { registerEnumType } from 'type-graphql';

/**
 * Premium Poly Lens device-management features a Poly+ contract entitles (service description,
 * summary table: "Select premium features not available for free in Poly Lens"). One GraphQL enum
 * for the customers subgraph (contracts) and the devices subgraph (entitlements): composition needs
 * the same values in both.
 */
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

export const PREMIUM_FEATURES = Object.values(PremiumFeature);
