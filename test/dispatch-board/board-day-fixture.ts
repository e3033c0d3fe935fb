import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { graphqlData } from '@polyplus/local-stack';
import type { GatewayAs } from '../support/e2e-stack';

export type ApiStop = {
  start: string;
  end: string;
  arrival: string;
  travelMinutes: number;
  visit: {
    id: string;
    pinned: boolean;
    releaseAt: string | null;
    durationMinutes: number;
    incident: { id: string; device: { serialNumber: string } };
  };
};
export type ApiBoard = {
  timeZone: string;
  planVersion: number;
  schedules: {
    technician: { id: string; name: string; workFrom: string; workTo: string; absences: { startsAt: string; endsAt: string }[] };
    stops: ApiStop[];
  }[];
  unassigned: { id: string }[];
};

const BOARD = `query ($region: String!, $date: String!, $from: DateTimeISO!, $to: DateTimeISO!) {
  regionBoard(region: $region, date: $date) {
    timeZone planVersion
    schedules {
      technician { id name workFrom workTo absences(from: $from, to: $to) { startsAt endsAt } }
      stops { start end arrival travelMinutes visit { id pinned releaseAt durationMinutes incident { id device { serialNumber } } } }
    }
    unassigned { id }
  }
}`;

/** The board as the API reports it: the truth the page is checked against. */
export async function apiBoard(gateway: GatewayAs, region: string, date: string): Promise<ApiBoard> {
  const from = DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISO();
  const to = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 2 }).toISO();
  return (await graphqlData<{ regionBoard: ApiBoard }>(gateway, BOARD, { region, date, from, to })).regionBoard;
}

/**
 * The board once re-planning has settled: the plan version unchanged for `quietMs`. A pin or move
 * triggers a re-plan that may shift other visits; a move chosen from the board before it commits
 * can land on a slot the re-plan has since filled.
 */
export async function settledBoard(
  gateway: GatewayAs,
  region: string,
  date: string,
  { quietMs = 5_000, timeoutMs = 90_000 } = {},
): Promise<ApiBoard> {
  const deadline = Date.now() + timeoutMs;
  let board = await apiBoard(gateway, region, date);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const next = await apiBoard(gateway, region, date);
    if (next.planVersion !== board.planVersion) stableSince = Date.now();
    board = next;
    if (Date.now() - stableSince >= quietMs) return board;
  }
  throw new Error(`the ${region} plan kept changing for ${timeoutMs} ms`);
}

type VisitState = { id: string; status: string; windowStart: string | null; unassignedReason: string | null };

/** Waits until dispatch made a visit for every case and the scheduler placed it (or said why not). */
export async function waitForPlannedVisits(gateway: GatewayAs, incidentIds: string[], timeoutMs = 90_000): Promise<VisitState[]> {
  const deadline = Date.now() + timeoutMs;
  let visits: VisitState[] = [];
  while (Date.now() < deadline) {
    visits = [];
    for (const id of incidentIds) {
      const { incident } = await graphqlData<{ incident: { onsiteVisits: VisitState[] } | null }>(
        gateway,
        'query ($id: ID!) { incident(id: $id) { onsiteVisits { id status windowStart unassignedReason } } }',
        { id },
      );
      visits.push(...(incident?.onsiteVisits ?? []));
    }
    const settled = visits.length >= incidentIds.length && visits.every((visit) => visit.status === 'PLANNED' || visit.unassignedReason);
    if (settled && visits.some((visit) => visit.status === 'PLANNED')) return visits;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`visits not planned within ${timeoutMs} ms: ${JSON.stringify(visits)}`);
}

/**
 * A move the hard constraints allow: a visit of one technician to a free stretch of another
 * technician's day, after the part's arrival, with an hour and a half clear on both sides for
 * travel and well inside the shift and the site's business hours.
 */
export function feasibleMove(
  board: ApiBoard,
  date: string,
  technicianIds: string[],
): { stop: ApiStop; from: string; to: { id: string; name: string }; start: string } {
  const zone = board.timeZone;
  const dayStart = DateTime.fromISO(date, { zone });
  const margin = { minutes: 90 };
  const schedules = board.schedules.filter((schedule) => technicianIds.includes(schedule.technician.id));
  for (const source of schedules) {
    for (const stop of [...source.stops].reverse()) {
      for (const target of schedules) {
        if (target === source) continue;
        const earliest = stop.visit.releaseAt ? DateTime.fromISO(stop.visit.releaseAt).plus({ minutes: 30 }) : dayStart;
        for (
          let start = dayStart.set({ hour: 9 });
          start.plus({ minutes: stop.visit.durationMinutes }) <= dayStart.set({ hour: 16 });
          start = start.plus({ minutes: 15 })
        ) {
          if (start < earliest) continue;
          const end = start.plus({ minutes: stop.visit.durationMinutes });
          // An absence takes its hours out of the day (a training morning leaves the afternoon).
          const absent = target.technician.absences.some(
            (absence) => DateTime.fromISO(absence.startsAt) < end.plus(margin) && DateTime.fromISO(absence.endsAt) > start.minus(margin),
          );
          const clash =
            absent ||
            target.stops.some(
              (other) => DateTime.fromISO(other.start) < end.plus(margin) && DateTime.fromISO(other.end) > start.minus(margin),
            );
          if (!clash) return { stop, from: source.technician.id, to: target.technician, start: start.toUTC().toISO() as string };
        }
      }
    }
  }
  throw new Error(
    `no feasible move on ${date}: ${JSON.stringify(board.schedules.map((s) => [s.technician.name, s.stops.map((x) => [x.start, x.end])]))}`,
  );
}

export type BoardDay = { region: string; date: string | null; customerId: string; incidentIds: string[]; technicianIds: string[] };

/** Runs the demo loaders (tools/seed/seed-board-day-cli.ts) against the stack, as `npm start` does. */
export async function loadDemoBoardDay(gatewayUrl: string, env: NodeJS.ProcessEnv): Promise<BoardDay> {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/seed/seed-board-day-cli.ts'], {
    cwd: root,
    env: { ...env, GATEWAY_URL: gatewayUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`demo data not loaded (exit ${code}): ${stderr}${stdout}`);
  return JSON.parse(last) as BoardDay;
}
