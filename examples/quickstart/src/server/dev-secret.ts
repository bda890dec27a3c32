import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the development secret is kept by default: the quickstart's git-ignored `.tmp/`. */
export const DEFAULT_SECRET_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'dev-secret');

/**
 * The secret that signs the demo's meeting tokens, the same across restarts so the tokens of
 * open tabs stay valid and their clients rejoin by themselves: `JWT_SECRET` when set, else the
 * contents of `MEETINGS_SECRET_FILE` (default `.tmp/dev-secret`), created with a random secret
 * (readable by this user only) on first start.
 */
export function loadDevSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.JWT_SECRET?.trim();
  if (given) return given;
  const file = env.MEETINGS_SECRET_FILE?.trim() || DEFAULT_SECRET_FILE;
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
