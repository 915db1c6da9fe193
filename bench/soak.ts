// `npm run fuzz:soak`: 10^6 fuzzed PDUs (near-valid and any-mode full-feature PDUs from the declarations, in
// batches of 64 with a NOP-Out ping closing each batch) at the reference target in its own process; reports
// the target's RSS before and after, reconnects, and whether it ever died. Usage: tsx bench/soak.ts [PDUS]
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { arbitraryPdu, encodePduBytes, makePdu, pduTypeNamed, type Pdu } from '../harness/pdu/registry.js';
import type { PduType } from '../harness/pdu/define.js';
import { ScriptConnection } from '../harness/script/connection.js';
import { login } from '../harness/script/login.js';
import { parseUrl } from '../harness/initiator/url.js';
import { bundledTargetCommand, spawnTarget } from '../harness/fuzz/target-process.js';

const total = Number(process.argv[2] ?? 1_000_000);
const rss = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
// Logout is left out so the session lives on; everything else the initiator may send in FFP is in.
const types = ['NopOut', 'ScsiCommand', 'TaskManagementRequest', 'TextRequest', 'DataOut', 'SnackRequest'].map(n => pduTypeNamed(n)!) as PduType[];
const arb = fc.oneof(arbitraryPdu('near-valid', types), arbitraryPdu('valid', types), arbitraryPdu('any', types));

const target = await spawnTarget(bundledTargetCommand());
const pid = target.pid!;
const u = parseUrl(target.url);
const open = async (): Promise<ScriptConnection> => {
  const c = await ScriptConnection.open({ host: u.host, port: u.port });
  const l = await login(c, { initiatorName: 'iqn.2026-11.org.iscsi-conformance:soak', targetName: u.target! }, { timeoutMs: 5000 });
  if (!l.ok) throw new Error(`soak login failed: ${l.problem}`);
  return c;
};
let c = await open();
const before = rss(pid);
let sent = 0, reconnects = 0, seed = 1, peak = before;
const t0 = performance.now();
try {
  while (sent < total) {
    const pdus = fc.sample(arb, { seed: seed++, numRuns: 63 }) as Pdu[];
    const ping = makePdu('NopOut', { immediate: true, final: true, itt: 0x7fff0000 + (seed & 0xffff), ttt: 0xffffffff, cmdSN: c.cmdSN, expStatSN: c.expStatSN });
    const buf = Buffer.concat([...pdus.map(p => encodePduBytes(p)), encodePduBytes(ping)]);
    await c.sendBytes(buf);
    sent += 64;
    // Wait for the ping's answer (or the close a protocol error may cause), bounded.
    for (let i = 0; i < 400; i++) {
      const r = await c.next(2000);
      if (r.kind !== 'pdu') { if (target.exited()) throw new Error(`target died: ${JSON.stringify(target.exited())}`); c = await open(); reconnects++; break; }
      if (r.pdu.type === 'NopIn' && r.pdu.itt === ping.itt) break;
    }
    if (seed % 500 === 0) { peak = Math.max(peak, rss(pid)); process.stderr.write(`\r${sent} PDUs, ${(sent / ((performance.now() - t0) / 1000)).toFixed(0)}/s, reconnects ${reconnects}, RSS ${rss(pid).toFixed(1)} MiB   `); }
  }
  const after = rss(pid);
  console.log(`\nsoak: ${sent} fuzzed PDUs in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${reconnects} reconnects, target alive: ${target.exited() === null}, RSS before ${before.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB, after ${after.toFixed(1)} MiB`);
} finally {
  await c.close(true);
  await target.close();
}
