/** What a visit for a product type takes: minutes on site and the skills a technician must hold. */
export type ProductProfile = { durationMinutes: number; requiredSkills: string[] };

// Room systems (video bars, codecs, cameras) are mounted and cabled by AV-certified technicians;
// phones and personal devices are swapped by anyone.
const PROFILES: Record<string, ProductProfile> = {
  ROOM: { durationMinutes: 120, requiredSkills: ['ROOM'] },
  PHONE: { durationMinutes: 45, requiredSkills: [] },
  PERSONAL: { durationMinutes: 45, requiredSkills: [] },
};

export const DEFAULT_PROFILE: ProductProfile = { durationMinutes: 90, requiredSkills: [] };

export function productProfile(productType: string | null | undefined): ProductProfile {
  return (productType && PROFILES[productType]) || DEFAULT_PROFILE;
}
