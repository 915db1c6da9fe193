// The fake target as a child process (for spawn/exit tests): prints its URL, exits 70 when a planted crash fires,
// and ends by itself after 60 s. Usage: tsx fake-target-main.ts [fault...]
import { startFakeTarget } from './fake-target.js';
import type { FakeFault } from './fake-session.js';

const t = await startFakeTarget({ faults: process.argv.slice(2) as FakeFault[], lifetimeMs: 60_000, onCrash: () => process.exit(70) });
process.stdout.write(`listening on ${t.url}\n`);
setTimeout(() => process.exit(0), 60_000).unref();
