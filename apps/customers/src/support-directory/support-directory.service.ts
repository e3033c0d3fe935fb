import { randomUUID } from 'node:crypto';
import { getCountry } from 'countries-and-timezones';
import { DateTime } from 'luxon';
import type { DataSource, Repository } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { SupportChannel } from './support-channel.entity';
import { SupportChannelKind, SUPPORT_WEEKDAYS, type SupportWeekday } from './support-channel-kind';
import type { SupportChannelInput } from './dto/support-channel.input';

const KIND_ORDER = [SupportChannelKind.PHONE, SupportChannelKind.CHAT, SupportChannelKind.WEB, SupportChannelKind.VIDEO];
const SHORT: Record<SupportWeekday, string> = {
  MONDAY: 'Mon',
  TUESDAY: 'Tue',
  WEDNESDAY: 'Wed',
  THURSDAY: 'Thu',
  FRIDAY: 'Fri',
  SATURDAY: 'Sat',
  SUNDAY: 'Sun',
};

/** A channel's cross-field rules: a phone number for phones, a link for the rest, hours unless 24x7. */
function assertConsistent(input: SupportChannelInput): void {
  if (input.countryCode && !getCountry(input.countryCode))
    throw badUserInput(`countryCode ${input.countryCode} is not an ISO 3166-1 country`, 'countryCode');
  if (input.kind === SupportChannelKind.PHONE) {
    if (!input.phoneNumber) throw badUserInput('A PHONE channel needs a phoneNumber', 'phoneNumber');
    if (input.url) throw badUserInput('A PHONE channel has a phoneNumber, not a url', 'url');
  } else {
    if (!input.url) throw badUserInput(`A ${input.kind} channel needs an https url`, 'url');
    if (input.phoneNumber) throw badUserInput(`A ${input.kind} channel has a url, not a phoneNumber`, 'phoneNumber');
  }
  if (input.available24x7) {
    const stated =
      (['opensAt', 'closesAt', 'timeZone'] as const).find((field) => input[field]) ?? (input.openDays.length > 0 ? 'openDays' : undefined);
    if (stated) throw badUserInput(`A 24x7 channel states no ${stated}`, stated);
    return;
  }
  if (input.openDays.length === 0) throw badUserInput('A channel that is not 24x7 needs the days it is staffed', 'openDays');
  if (!input.opensAt) throw badUserInput('A channel that is not 24x7 needs opensAt', 'opensAt');
  if (!input.closesAt) throw badUserInput('A channel that is not 24x7 needs closesAt', 'closesAt');
  if (!input.timeZone) throw badUserInput('A channel that is not 24x7 needs the time zone of its hours', 'timeZone');
  if (input.closesAt <= input.opensAt) throw badUserInput('closesAt must be after opensAt on the same day', 'closesAt');
}

/** "Mon–Fri", or "Mon, Wed, Sat" when the days are not a run. */
function dayRange(days: SupportWeekday[]): string {
  const indexes = days.map((day) => SUPPORT_WEEKDAYS.indexOf(day));
  const run = days.length > 2 && indexes.every((index, i) => i === 0 || index === indexes[i - 1] + 1);
  return run ? `${SHORT[days[0]]}–${SHORT[days[days.length - 1]]}` : days.map((day) => SHORT[day]).join(', ');
}

/** The hours in one line: "24x7" or "Mon–Fri 08:00–18:00 Europe/Berlin". */
export function hoursOf(channel: SupportChannel): string {
  if (channel.available24x7) return '24x7';
  return `${dayRange(channel.openDays)} ${channel.opensAt}–${channel.closesAt} ${channel.timeZone}`;
}

/** Whether the channel is staffed at `at`. */
export function isOpenAt(channel: SupportChannel, at: Date): boolean {
  if (channel.available24x7) return true;
  if (!channel.timeZone || !channel.opensAt || !channel.closesAt) return false;
  const local = DateTime.fromJSDate(at, { zone: channel.timeZone });
  const day = SUPPORT_WEEKDAYS[local.weekday - 1];
  const clock = local.toFormat('HH:mm');
  return channel.openDays.includes(day) && channel.opensAt <= clock && clock < channel.closesAt;
}

function fieldsOf(input: SupportChannelInput) {
  const hours = input.available24x7
    ? { openDays: [], opensAt: null, closesAt: null, timeZone: null }
    : { openDays: input.openDays, opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null, timeZone: input.timeZone ?? null };
  return {
    region: input.region.trim(),
    countryCode: input.countryCode ?? null,
    kind: input.kind,
    label: input.label.trim(),
    phoneNumber: input.phoneNumber ?? null,
    url: input.url ?? null,
    available24x7: input.available24x7,
    ...hours,
    languages: input.languages,
    notes: input.notes?.trim() ?? null,
  };
}

/** The public support directory: regional telephone numbers and chat, web and video links with their hours. */
export class SupportDirectoryService {
  private readonly channels: Repository<SupportChannel>;

  constructor(
    dataSource: DataSource,
    readonly now: () => Date = () => new Date(),
  ) {
    this.channels = dataSource.getRepository(SupportChannel);
  }

  /**
   * Channels by region, country (region-wide ones first) and kind. For a country: its own channels
   * and the region-wide channels of the regions it is listed in.
   */
  async list(region?: string | null, countryCode?: string | null): Promise<SupportChannel[]> {
    let rows = await this.channels.find(region ? { where: { region } } : {});
    if (countryCode) {
      const regions = new Set(rows.filter((row) => row.countryCode === countryCode).map((row) => row.region));
      rows = rows.filter((row) => row.countryCode === countryCode || (row.countryCode === null && regions.has(row.region)));
    }
    return rows.sort(
      (a, b) =>
        a.region.localeCompare(b.region) ||
        (a.countryCode ?? '').localeCompare(b.countryCode ?? '') ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.label.localeCompare(b.label),
    );
  }

  async add(input: SupportChannelInput, principal: Principal): Promise<SupportChannel> {
    assertConsistent(input);
    const channel = this.channels.create({ id: randomUUID(), ...fieldsOf(input), updatedAt: this.now(), updatedBy: actorOf(principal) });
    await this.channels.insert(channel);
    return channel;
  }

  async update(id: string, input: SupportChannelInput, principal: Principal): Promise<SupportChannel> {
    assertConsistent(input);
    const result = await this.channels.update({ id }, { ...fieldsOf(input), updatedAt: this.now(), updatedBy: actorOf(principal) });
    if (!result.affected) throw notFound('SupportChannel', id);
    return this.channels.findOneByOrFail({ id });
  }

  async remove(id: string): Promise<string> {
    const result = await this.channels.delete({ id });
    if (!result.affected) throw notFound('SupportChannel', id);
    return id;
  }
}
