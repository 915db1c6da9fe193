// `target`: start the bundled reference iSCSI target (reference-target/), lazy-imported.
import type { CliCommand } from '../command.js';
import { EXIT_USAGE } from '../exit-codes.js';

/** Resolves on the first SIGINT or SIGTERM (the only way the CLI target stops). */
function stopSignal(): Promise<string> {
  return new Promise(resolve => {
    const on = (sig: string) => { process.off('SIGINT', on); process.off('SIGTERM', on); resolve(sig); };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}

/** The `target` command. */
export const targetCommand: CliCommand = {
  command: 'target',
  describe: 'Start the bundled reference iSCSI target (RFC 7143, SPC/SBC on RAM or file LUNs)',
  builder: y => y
    .option('listen', { type: 'string', default: '127.0.0.1:3260', describe: 'address:port to listen on (port 0 = ephemeral); loopback unless told otherwise' })
    .option('iqn', { type: 'string', default: 'iqn.2026-11.org.iscsi-conformance:target0', describe: 'target name' })
    .option('lun', { type: 'string', array: true, default: [], describe: 'a LUN: N:ram:SIZE or N:file:PATH:SIZE, optional :bs=512|4096 (sizes in KiB/MiB/GiB); default 0:ram:64MiB' })
    .option('block-size', { choices: [512, 4096], default: 512, describe: 'block size for LUNs without :bs=' })
    .option('chap', { type: 'string', describe: 'require CHAP: user:secret the initiator must prove' })
    .option('mutual-chap', { type: 'string', describe: 'user:secret the target answers mutual CHAP with (needs --chap)' })
    .option('allow', { type: 'string', array: true, default: [], describe: 'initiator names allowed into normal sessions (default: any)' })
    .option('digest', { type: 'boolean', default: false, describe: 'require CRC32C header and data digests (answer CRC32C only)' })
    .option('erl', { choices: [0, 1], describe: 'highest ErrorRecoveryLevel offered (1: SNACK and digest-error recovery, RFC 7143 §7.1.5; default 1)' })
    .option('alias', { type: 'string', describe: 'TargetAlias to declare' })
    .option('fault', { type: 'string', array: true, default: [], describe: 'switch on a deliberate deviation (see --list-faults)' })
    .option('list-faults', { type: 'boolean', default: false, describe: 'print every fault with the clause it breaks, then exit' })
    .option('log', { type: 'string', array: true, choices: ['pdus'], default: [], describe: "'pdus': print every PDU (text keys redacted)" })
    .example('$0 target --lun 0:ram:64MiB', 'a 64 MiB RAM disk on 127.0.0.1:3260')
    .example('$0 target --listen 127.0.0.1:3295 --lun 1:file:./disk.img:1GiB --chap user:secretsecret', 'file LUN, CHAP required')
    .example('$0 target --list-faults', 'the fault catalogue'),
  async run(a, io) {
    const [{ runTargetCli }, { HarnessError }] = await Promise.all([import('../../../reference-target/cli-run.js'), import('../../errors.js')]);
    try {
      return await runTargetCli({
        listen: String(a.listen), iqn: String(a.iqn), lun: (a.lun as string[]).map(String), blockSize: Number(a.blockSize) as 512 | 4096,
        ...(a.chap ? { chap: String(a.chap) } : {}), ...(a.mutualChap ? { mutualChap: String(a.mutualChap) } : {}),
        ...(a.alias ? { alias: String(a.alias) } : {}),
        ...(a.erl !== undefined ? { erl: Number(a.erl) as 0 | 1 } : {}),
        allow: (a.allow as string[]).map(String), fault: (a.fault as string[]).map(String), log: (a.log as string[]).map(String),
        listFaults: Boolean(a.listFaults), digest: Boolean(a.digest),
      }, io, stopSignal());
    } catch (e) {
      if (e instanceof HarnessError || (e instanceof Error && /--listen|EADDRINUSE|EACCES|EADDRNOTAVAIL/.test(e.message))) {
        io.err(`iscsi-conformance target: ${e.message}\n`);
        return EXIT_USAGE;
      }
      throw e;
    }
  },
};
