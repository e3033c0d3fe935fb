/**
 * One named piece of a subgraph's background work (clock, outbox relay, a consumer group, timers,
 * a sweep): started with the server, stopped with it. `stop` may run without `start` (a schema
 * built only to print its SDL is closed without ever starting), so it releases only what exists.
 */
export type BackgroundPart = { readonly name: string; start(): Promise<void>; stop(): Promise<void> };

type Stop = (() => void | Promise<void>) | undefined | void;

/** A part whose start returns its stop: what the start opened stays with it, no `let` outside. */
export function backgroundPart(name: string, start: () => Stop | Promise<Stop>): BackgroundPart {
  let stop: Stop;
  return {
    name,
    start: async () => {
      stop = await start();
    },
    stop: async () => {
      const stopping = stop;
      stop = undefined;
      await stopping?.();
    },
  };
}

/** A part with nothing to start that releases something the schema's services opened on demand (a queue, a storage client). */
export function releasePart(name: string, release: () => void | Promise<void>): BackgroundPart {
  return { name, start: async () => undefined, stop: async () => release() };
}

/**
 * Starts the parts in order (later ones may rely on earlier ones: consumer groups exist before the
 * relay publishes) and answers the stop of all of them. A part that fails to start stops the ones
 * before it, so a failed start leaves nothing running.
 */
export async function startBackground(parts: readonly BackgroundPart[]): Promise<() => Promise<void>> {
  for (const [index, part] of parts.entries()) {
    try {
      await part.start();
    } catch (error) {
      await stopBackground(parts.slice(0, index)).catch(() => undefined); // the start's error is the one to report
      throw error;
    }
  }
  return () => stopBackground(parts);
}

/** Stops the parts in reverse order; one that fails to stop does not keep the rest running, and its error is thrown after. */
export async function stopBackground(parts: readonly BackgroundPart[]): Promise<void> {
  const failures: unknown[] = [];
  for (const part of [...parts].reverse()) await part.stop().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}
