import { readFileSync } from 'node:fs';

// Linux reports a process's CPU time in clock ticks of USER_HZ, 100 per second on every platform Node runs on here.
const TICK_MS = 10;

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc: what fan-out costs a
 * gateway, whatever else the machine is doing meanwhile. Null where /proc is not available.
 */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // The command name (2nd field) is in parentheses and may hold spaces: count fields after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
