import type { DataSource } from 'typeorm';
import { Technician } from '@polyplus/dispatch-data';
import { greatCircleKm } from '@polyplus/routing';

/**
 * The dispatch region a site belongs to: the region of the technician based nearest to it, so a
 * new site needs no region table of its own. Without any technician, the site's country.
 */
export class RegionDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async regionFor(site: { latitude: number | null; longitude: number | null; countryCode: string }): Promise<string> {
    if (site.latitude === null || site.longitude === null) return site.countryCode;
    const technicians = await this.dataSource
      .getRepository(Technician)
      .find({ select: { region: true, homeLatitude: true, homeLongitude: true } });
    let best: { region: string; km: number } | null = null;
    for (const technician of technicians) {
      const km = greatCircleKm(
        { lat: site.latitude, lon: site.longitude },
        { lat: technician.homeLatitude, lon: technician.homeLongitude },
      );
      if (!best || km < best.km) best = { region: technician.region, km };
    }
    return best?.region ?? site.countryCode;
  }
}
