/**
 * The arguments of a test's own `redis-server`: on loopback at `port`, its files in `dir`, in the
 * foreground and never snapshotting; `settings` add the rest (append-only file, cluster mode).
 */
export function privateRedisArgs(port: number, dir: string, settings: readonly string[]): string[] {
  return ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...settings, '--save', '', '--daemonize', 'no'];
}
