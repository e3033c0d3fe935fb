/** Polls a condition until it holds; the surrounding test's timeout bounds the wait. */
export async function waitFor(condition: () => Promise<boolean>, pollMs = 100): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, pollMs));
}
