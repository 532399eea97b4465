/**
 * Work that can pause. A long computation of the core (reading and
 * validating an edition, scoring it, rendering its chapters) is written as
 * a generator that yields nothing between steps of about a millisecond
 * and returns its result: `Steps<T>`. It stays pure and synchronous —
 * {@link runSteps} runs it to the end at once, as every caller but the
 * build does.
 *
 * The build runs it with {@link runStepsYielding} instead, which gives the
 * event loop a turn every few milliseconds: Eleventy's modules, which load
 * meanwhile, are resolved and read on Node's loader thread, and the main
 * thread only has to answer each one for the import to go on. A build that
 * scored in one stretch held the import back for as long (docs/performance.md).
 * The steps are the same either way, so the result is too.
 */

/** A computation in steps: a generator that yields nothing and returns a `T`. */
export type Steps<T> = Generator<void, T, undefined>;

/**
 * Runs `steps` to the end at once and returns its result (or throws what
 * it throws).
 *
 * @example
 * function* twice(n: number): Steps<number> { yield; return 2 * n; }
 * runSteps(twice(21)) // 42
 */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps` to the end, giving the event loop a turn (`setImmediate`)
 * whenever `sliceMs` milliseconds have passed since the last one: timers,
 * I/O and the module loader's messages are answered between slices. Same
 * result as {@link runSteps}.
 *
 * @example
 * await runStepsYielding(computeReportSteps(edition)) // the report, with Eleventy's import going on beside it
 */
export async function runStepsYielding<T>(steps: Steps<T>, sliceMs = 4): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}
