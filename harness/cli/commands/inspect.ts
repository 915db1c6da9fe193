// `inspect FILE`: decode every iSCSI PDU in a pcap/pcapng capture, one line (or JSON object) each; `--check` judges them.
import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../command.js';
import { EXIT_FAIL, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** The `inspect` command. */
export const inspectCommand: CliCommand = {
  command: 'inspect <file>',
  describe: 'Decode every iSCSI PDU in a pcap/pcapng capture',
  builder: y => y
    .positional('file', { type: 'string', describe: 'capture file (pcap or pcapng)', demandOption: true })
    .option('port', { type: 'number', array: true, describe: 'target TCP port(s) besides 3260' })
    .option('json', { type: 'boolean', default: false, describe: 'one JSON object per PDU' })
    .option('check', { type: 'boolean', default: false, describe: 'run the passive checker: print each violation after its PDU; exit 1 on any MUST violation' })
    .option('header-digest', { choices: ['auto', 'on', 'off'], default: 'auto', describe: 'header digests after login: from the login text, or forced' })
    .option('data-digest', { choices: ['auto', 'on', 'off'], default: 'auto', describe: 'data digests after login: from the login text, or forced' })
    .example('$0 inspect trace.pcap', 'one line per PDU')
    .example('$0 inspect trace.pcapng --port 3290 --json', 'JSON lines, target on port 3290')
    .example('$0 inspect trace.pcap --check', 'every RFC 7143 violation of initiator and target, by rule'),
  async run(a, io) {
    const [{ inspectCapture }, { formatChecks, formatJson, formatLine }, { HarnessError }] = await Promise.all([
      import('../../inspect/inspect.js'), import('../../inspect/format.js'), import('../../errors.js'),
    ]);
    const file = String(a.file);
    let buf: Buffer;
    try { buf = await readFile(file); } catch (e) {
      io.err(`iscsi-conformance inspect: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_USAGE;
    }
    const ports = (a.port as number[] | undefined)?.filter(p => Number.isInteger(p) && p > 0 && p < 65536);
    let result;
    try {
      result = inspectCapture(buf, {
        ...(ports?.length ? { ports } : {}),
        headerDigest: a.headerDigest as 'auto', dataDigest: a.dataDigest as 'auto',
      });
    } catch (e) {
      if (e instanceof HarnessError) { io.err(`iscsi-conformance inspect: ${file}: ${e.message} (${e.code})\n`); return EXIT_FAIL; }
      throw e;
    }
    // The checker skips validatePdu: inspect already ran it, and its findings count towards the exit code below.
    const checked = a.check ? (await import('../../check/capture.js')).checkInspected(result.pdus, { skipFormat: true }) : undefined;
    result.pdus.forEach((r, i) => {
      const checks = checked?.checks[i];
      if (a.json) io.out(formatJson(r, checks) + '\n');
      else io.out([formatLine(r), ...formatChecks(checks ?? [])].map(l => l + '\n').join(''));
    });
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    if (!a.json) io.err(`${result.pdus.length} PDUs on ${result.connections.length} connection(s)\n`);
    let mustViolations = 0;
    if (checked) {
      const pduLevel = result.pdus.flatMap(r => r.violations);
      const pduMust = pduLevel.filter(v => v.level !== 'SHOULD').length;
      mustViolations = checked.summary.must + pduMust;
      const s = checked.summary;
      const rules = Object.entries(s.byRule).map(([k, n]) => `${k} ${n}`).join(', ');
      io.err(`check: ${s.violations + pduLevel.length} violation(s), ${mustViolations} MUST, ${s.should + pduLevel.length - pduMust} SHOULD${rules ? ` (${rules})` : ''}\n`);
    }
    if (result.connections.length === 0) {
      const others = [...new Set(result.otherConnections.map(c => c.target))];
      const hint = others.length ? `; other TCP connections go to ${others.slice(0, 5).join(', ')} (use --port)` : '';
      io.err(`iscsi-conformance inspect: ${file}: no iSCSI connection on port(s) ${[3260, ...(ports ?? [])].join(', ')}${hint}\n`);
      return EXIT_FAIL;
    }
    return result.warnings.length || mustViolations ? EXIT_FAIL : EXIT_OK;
  },
};
