// Timing helper for benchmarks: warm up, then run batches for about `seconds` and report a rate.

/** Runs `fn(n)` (which does n operations) until `seconds` pass; returns operations per second. */
export function opsPerSecond(fn: (n: number) => void, seconds = 1, batch = 10_000): number {
  fn(batch); fn(batch); // warm up the JIT on the same shapes the timed loop will see
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let ops = 0;
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) { fn(batch); ops += batch; now = process.hrtime.bigint(); }
  return ops / (Number(now - start) / 1e9);
}
