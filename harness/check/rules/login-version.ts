// A successful Login Response picks a Version-active inside the request's [Version-min, Version-max].
import { defineRule } from '../define-rule.js';

/**
 * Version-active within the initiator's range on success. RFC 7143 §11.13.2: "If the target does not support a version
 * within the range specified by the initiator, the target rejects the login" (no keyword; the field's definition).
 */
export const loginVersion = defineRule({
  id: 'check/login-version', ref: 'rfc7143/11.13.2', level: 'MUST', side: 'target', appliesTo: ['LoginResponse'],
  text: 'Version-active of a successful login lies between the request\'s Version-min and Version-max',
  check(pdu, { state }) {
    const { versionMin: lo, versionMax: hi } = state.login;
    if (pdu.statusClass !== 0 || lo === undefined || hi === undefined) return undefined;
    return pdu.versionActive < lo || pdu.versionActive > hi
      ? `Version-active ${pdu.versionActive} is outside the request's ${lo}..${hi}` : undefined;
  },
});
