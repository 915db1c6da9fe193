// RFC 7143 §4.2.4 iSCSI Login: only Login PDUs before Full Feature Phase (close before login, 0x020b during it).
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { encodeText } from '../../../harness/text/codec.js';
import { firstStep, Stage } from '../../support-login.js';

const midLogin = (n: number, what: string, send: (c: Awaited<ReturnType<typeof firstStep>>['c']) => void): CaseDef => ({
  n, title: `a ${what} during the Login Phase gets "invalid during login" (0x020b)`, level: 'MUST',
  requirement: `Once the Login Phase has started, a target receiving any PDU but a Login Request (here a ${what}) sends a Login reject with status "invalid during login" and disconnects.`,
  tags: ['login', 'phase'],
  async run(t) {
    const { c, e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
    await t.expect(e, pass(loginStatus(0x00)));
    send(c);
    await t.expect(c, pass(loginStatus(0x02, 0x0b)), nonStrict(closed()));
  },
});

export default defineSection('rfc7143/4.2.4', 'iSCSI Login', [
  {
    n: 1, title: 'a NOP-Out before any Login Request makes the target close the connection', level: 'MUST',
    requirement: 'A target receiving any PDU except a Login Request before the Login Phase has started must immediately terminate the connection.',
    tags: ['login', 'phase'],
    async run(t) {
      const c = await t.connect();
      c.send('NopOut', { itt: 0x10, ttt: NO_TAG, immediate: true, final: true });
      await t.expect(await c.receive(1000), pass(closed()));
    },
  },
  midLogin(2, 'NOP-Out', c => c.send('NopOut', { ttt: NO_TAG, immediate: true, final: true })),
  midLogin(3, 'Text Request', c => c.send('TextRequest', { final: true, immediate: true, ttt: NO_TAG, data: encodeText([{ key: 'SendTargets', value: 'All' }]) })),
]);
