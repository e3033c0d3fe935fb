import { DEFAULT_PROFILE, productProfile } from './product-profile';

it('a room system takes two hours and a ROOM-certified technician; an unknown product takes the 90-minute default with no skill', () => {
  expect(productProfile('ROOM')).toEqual({ durationMinutes: 120, requiredSkills: ['ROOM'] });
  expect(productProfile('HOLOGRAM')).toEqual(DEFAULT_PROFILE);
  expect(productProfile(null)).toEqual({ durationMinutes: 90, requiredSkills: [] });
});
