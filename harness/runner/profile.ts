// Expected-failure profiles (--profile FILE): a zod-checked JSON list of case IDs a target is known to fail.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../errors.js';

/** The profile file's schema. */
export const ProfileSchema = z.object({
  expectedFailures: z.array(z.object({
    id: z.string().regex(/^(rfc7143|spc|sbc)\/[^/]+\/\d+$/, 'a case ID such as rfc7143/11.13/2'),
    reason: z.string().min(1),
    clause: z.string().optional(),
  }).strict()),
}).strict();

/** A loaded profile. */
export type Profile = z.infer<typeof ProfileSchema>;

/** Reads and validates a profile; any problem is a UsageError (exit 2, nothing run). */
export async function loadProfile(file: string): Promise<Profile> {
  let text: string;
  try { text = await readFile(file, 'utf8'); } catch (e) {
    throw new UsageError(`cannot read profile ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'ERR_BAD_PROFILE');
  }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { throw new UsageError(`profile ${file} is not JSON: ${(e as Error).message}`, 'ERR_BAD_PROFILE'); }
  const r = ProfileSchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new UsageError(`profile ${file}: ${first.path.join('.') || '(root)'}: ${first.message}`, 'ERR_BAD_PROFILE');
  }
  return r.data;
}
