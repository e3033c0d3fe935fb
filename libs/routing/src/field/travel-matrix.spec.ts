import { greatCircleKm, greatCircleMatrix, greatCircleTravelMs } from './travel-matrix';

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

  it('rounded up to whole minutes, every duration is a whole minute no shorter than the exact one, and pairwise equals greatCircleTravelMs', () => {
    const points = [
      { lat: 51.5113, lon: -0.0835 },
      { lat: 51.4545, lon: -0.9781 },
      { lat: 51.3758, lon: -0.0982 },
    ];
    const exact = greatCircleMatrix()(points);
    const rounded = greatCircleMatrix({ roundUpToMs: 60_000 })(points);
    for (let k = 0; k < exact.length; k++) {
      expect(rounded[k] % 60_000).toBe(0);
      expect(rounded[k]).toBeGreaterThanOrEqual(exact[k]);
      expect(rounded[k] - exact[k]).toBeLessThan(60_000);
    }
    expect(greatCircleTravelMs(points[0], points[1], { roundUpToMs: 60_000 })).toBe(rounded[1]);
    expect(greatCircleTravelMs(points[0], points[1])).toBeCloseTo(exact[1], 6);
  });
});
