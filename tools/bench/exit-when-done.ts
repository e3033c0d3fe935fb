/**
 * Runs a benchmark's `main` from the command line: exit 0 once it resolves, print the error and exit 1 when it
 * fails. Exits explicitly so that a socket or timer the run left open cannot keep the process alive.
 */
export function exitWhenDone(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
