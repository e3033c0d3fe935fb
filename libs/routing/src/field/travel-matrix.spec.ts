import { greatCircleKm, greatCircleMatrix } from './travel-matrix';

describe('greatCircleMatrix', () => {
  it('prices Paris–London (~344 km great circle) at distance × road factor ÷ speed', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const london = { lat: 51.5074, lon: -0.1278 };
    expect(greatCircleKm(paris, london)).toBeCloseTo(343.5, 0);
    const m = greatCircleMatrix({ roadFactor: 1.5, speedKmh: 60 })([paris, london]);
    expect(m[0]).toBe(0);
    expect(m[1]).toBeCloseTo((greatCircleKm(paris, london) * 1.5 * 3_600_000) / 60, 3);
    expect(m[2]).toBe(m[1]);
  });
});
