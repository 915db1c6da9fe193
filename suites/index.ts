// The registry of conformance sections: every suite file is imported here explicitly, in report order.
import type { Section } from '../harness/runner/case.js';

/** Every section, in the order cases run and reports list them. */
export const sections: readonly Section[] = [];
