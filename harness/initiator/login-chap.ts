// The initiator's CHAP steps in the security stage (RFC 7143 §12.1.3): algorithm, response, and mutual verification.
import { formatBinary, parseBinary, parseNumerical, type TextPair } from '../text/codec.js';
import { CHAP_ALGORITHMS, chapResponse, newChallenge, sameResponse, type ChapOptions } from './chap.js';

/** What to send next, or why authentication failed. */
export interface ChapStep {
  send: TextPair[];
  failure?: string;
}

/**
 * Walks AuthMethod=CHAP -> CHAP_A -> CHAP_N/CHAP_R (+ CHAP_I/CHAP_C when mutual) -> verify the target's CHAP_R.
 * Each call gets the pairs of one Login Response.
 */
export class ChapDriver {
  private step: 'method' | 'algorithm' | 'verify' | 'done' = 'method';
  private ours: { id: number; challenge: Buffer } | null = null;

  constructor(private readonly o: ChapOptions) {}

  /** True once our CHAP_R is sent (or no CHAP is done): only then may the request set T=1. */
  get readyToTransit(): boolean {
    return this.step === 'verify' || this.step === 'done';
  }

  onResponse(pairs: readonly TextPair[]): ChapStep {
    const get = (k: string): string | undefined => pairs.find(p => p.key === k)?.value;
    switch (this.step) {
      case 'method': {
        if (get('AuthMethod') !== 'CHAP') {
          this.step = 'done';
          return { send: [] };
        }
        this.step = 'algorithm';
        return { send: [{ key: 'CHAP_A', value: (this.o.algorithms ?? [5]).join(',') }] };
      }
      case 'algorithm': {
        const a = Number(get('CHAP_A'));
        const id = parseNumerical(get('CHAP_I') ?? '');
        const challenge = parseBinary(get('CHAP_C') ?? '');
        if (!CHAP_ALGORITHMS[a]) return this.fail(`target chose CHAP_A=${get('CHAP_A') ?? '(none)'}, which we cannot compute`);
        if (id === undefined || id > 255n) return this.fail(`target sent no usable CHAP_I (got ${get('CHAP_I') ?? 'none'})`);
        if (!challenge || challenge.length === 0) return this.fail('target sent no usable CHAP_C');
        const send: TextPair[] = [
          { key: 'CHAP_N', value: this.o.user },
          { key: 'CHAP_R', value: formatBinary(chapResponse(a, Number(id), this.o.secret, challenge)) },
        ];
        if (this.o.targetSecret !== undefined) {
          this.ours = newChallenge(this.o.challengeLength ?? 16, challenge);
          send.push({ key: 'CHAP_I', value: String(this.ours.id) }, { key: 'CHAP_C', value: formatBinary(this.ours.challenge) });
          this.step = 'verify';
        } else this.step = 'done';
        this.algorithm = a;
        return { send };
      }
      case 'verify': {
        this.step = 'done';
        const name = get('CHAP_N');
        if (this.o.targetUser !== undefined && name !== this.o.targetUser)
          return this.fail(`mutual CHAP: target named itself "${name ?? '(nothing)'}", expected "${this.o.targetUser}"`);
        const expected = chapResponse(this.algorithm, this.ours!.id, this.o.targetSecret!, this.ours!.challenge);
        if (!sameResponse(expected, parseBinary(get('CHAP_R') ?? '')))
          return this.fail('mutual CHAP: the target\'s CHAP_R does not match our challenge and the target secret');
        return { send: [] };
      }
      default:
        return { send: [] };
    }
  }

  private algorithm = 5;

  private fail(why: string): ChapStep {
    this.step = 'done';
    return { send: [], failure: why };
  }
}
