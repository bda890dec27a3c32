import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/quickstart';

interface ConsumerCheckSummary {
  ok: boolean;
  error?: string;
  bundle?: { js: number; jsGzip: number; css: number; cssGzip: number };
  frames?: Array<{ name: string; videoWidth: number }>;
  pageErrors?: string[];
  uiErrors?: string[];
  seconds?: number;
}

/** Runs `scripts/consumer-check.mjs` and returns its JSON summary (last stdout line) and stderr. */
function runConsumerCheck(): Promise<{ summary: ConsumerCheckSummary; code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'consumer-check.mjs')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ summary: JSON.parse(line) as ConsumerCheckSummary, code, log });
      } catch {
        reject(new Error(`consumer-check printed no summary (exit ${code}):\n${stdout}\n${log}`));
      }
    });
  });
}

describe('packaged consumer: default Vite + React app installed from the tarballs', () => {
  it('builds without polyfills, loads without page errors, and two tabs see each other', async () => {
    const { summary, code, log } = await runConsumerCheck();
    if (!summary.ok) throw new Error(`consumer check failed: ${summary.error}\n${log.slice(-4000)}`);
    expect(code).toBe(0);
    expect(summary.pageErrors).toEqual([]);
    expect(summary.uiErrors).toEqual([]);
    expect(summary.frames).toHaveLength(2);
    for (const frame of summary.frames ?? []) expect(frame.videoWidth).toBeGreaterThan(0);
    expect(summary.bundle?.js).toBeGreaterThan(0);
    console.log(
      `[consumer-check] JS ${((summary.bundle?.js ?? 0) / 1024).toFixed(1)} KiB ` +
        `(${((summary.bundle?.jsGzip ?? 0) / 1024).toFixed(1)} KiB gzip), total ${summary.seconds} s`,
    );
  }, 600_000);
});
