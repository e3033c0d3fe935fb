/** 6 to 32 characters: capital letters, digits and inner hyphens. */
export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{4,30}[A-Z0-9]$/;

export const SERIAL_NUMBER_RULE = 'serialNumber must be 6-32 capital letters, digits or inner hyphens';

/** Serials typed into an email: surrounding spaces and lower case are not a different serial. */
export function normaliseSerialNumber(raw: string): string {
  return raw.trim().toUpperCase();
}
