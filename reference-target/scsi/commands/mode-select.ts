// SPC-4 MODE SELECT(6/10): validates the whole parameter list before changing anything, then queues
// MODE PARAMETERS CHANGED (2A/01) for the other nexuses. (SCSI-NOTES MODE SELECT; errors: tgt)
import { ModeSelect10, ModeSelect6 } from '../../../harness/scsi/commands/spc-mode.js';
import { dataOut, defineHandler, type Ctx } from '../handler.js';
import { MODE_PAGES } from '../mode-pages.js';
import { good, invalidCdbField, invalidParamField, paramListLengthError, type Reply } from '../reply.js';

const topBit = (x: number) => 31 - Math.clz32(x);

/** Applies a mode parameter list; every check comes before any change. */
export function modeSelect(ctx: Ctx<{ sp: boolean; parameterListLength: number }>, ten: boolean): Reply {
  const { lu, v } = ctx;
  if (v.sp) return invalidCdbField(1, 0); // pages cannot be saved
  const len = v.parameterListLength;
  if (len === 0) return good();
  const d = dataOut(ctx.req, len);
  const hdr = ten ? 8 : 4;
  if (d.length < len || len < hdr) return paramListLengthError();
  const long = ten && (d[4] & 1) !== 0;
  const bdl = ten ? d.readUInt16BE(6) : d[3];
  if (bdl !== 0 && bdl !== (long ? 16 : 8)) return invalidParamField(ten ? 6 : 3);
  if (hdr + bdl > len) return paramListLengthError();
  if (bdl) {
    // Capacity and block size cannot be changed: the descriptor may only restate them (or say 0 blocks).
    const blocks = long ? d.readBigUInt64BE(hdr) : BigInt(d.readUInt32BE(hdr));
    if (blocks !== 0n && blocks !== BigInt(lu.blocks) && !(blocks === 0xffffffffn && !long)) return invalidParamField(hdr);
    const bs = long ? d.readUInt32BE(hdr + 12) : d.readUIntBE(hdr + 5, 3);
    if (bs !== lu.blockSize) return invalidParamField(hdr + (long ? 12 : 5));
  }
  const changes: Array<[number, Buffer]> = [];
  for (let at = hdr + bdl; at < len;) {
    if (at + 2 > len) return paramListLengthError();
    if (d[at] & 0x40) return invalidParamField(at, 6); // no subpages
    const def = MODE_PAGES.find(p => p.code === (d[at] & 0x3f));
    if (!def) return invalidParamField(at, 5);
    if (d[at + 1] !== def.defaults.length) return invalidParamField(at + 1);
    if (at + 2 + d[at + 1] > len) return paramListLengthError();
    const body = d.subarray(at + 2, at + 2 + d[at + 1]);
    const cur = lu.modes.body(def.code);
    for (let i = 0; i < body.length; i++) {
      const bad = (body[i] ^ cur[i]) & ~def.changeable[i] & 0xff;
      if (bad) return invalidParamField(at + 2 + i, topBit(bad));
    }
    changes.push([def.code, Buffer.from(body)]);
    at += 2 + body.length;
  }
  let changed = false;
  for (const [code, body] of changes) changed = lu.modes.set(code, body) || changed;
  if (changed) lu.uaToOthers(ctx.nexus, 0x2a, 0x01);
  return good();
}

/** MODE SELECT(6/10): changes the LU for everybody, so any reservation by another nexus blocks it. */
export const handlers = [
  defineHandler({ cdb: ModeSelect6, access: () => 'write', run: async ctx => modeSelect(ctx, false) }),
  defineHandler({ cdb: ModeSelect10, access: () => 'write', run: async ctx => modeSelect(ctx, true) }),
];
