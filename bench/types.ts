// One benchmark result row, printed by `npm run bench` beside its ceiling and goal.

/** A measured figure; `ceiling` is what the machine does for the simplest comparable work, `goal` our target. */
export type BenchRow = {
  name: string;
  value: number;
  unit: string;
  ceiling?: { name: string; value: number };
  goal?: number;
};
