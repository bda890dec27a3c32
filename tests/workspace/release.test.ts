import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// Runs the real release flow — a changeset, then `changeset version` — on a copy of the
// workspace manifests, and checks that the three packages move together.
const repo = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mm-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('bumps core, react and server to one new version from a single changeset', () => {
  for (const path of ['package.json', 'changeset.config.json', 'packages/core/package.json', 'packages/react/package.json', 'packages/server-adapter/package.json']) {
    cpSync(join(repo, path), join(dir, path), { recursive: true });
  }
  const rootPkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  rootPkg.workspaces = ['packages/*'];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(rootPkg));
  cpSync(join(repo, '.changeset/README.md'), join(dir, '.changeset/README.md'));
  cpSync(join(repo, 'changeset.config.json'), join(dir, '.changeset/config.json'));
  // Only core changes; `fixed` must carry the other two along.
  writeFileSync(join(dir, '.changeset/fix-core.md'), '---\n"@mentara/meetings-core": patch\n---\n\nA core fix.\n');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync(join(repo, 'node_modules/.bin/changeset'), ['version'], { cwd: dir, stdio: 'pipe' });

  const version = (p: string) => JSON.parse(readFileSync(join(dir, p, 'package.json'), 'utf8')).version;
  const before = JSON.parse(readFileSync(join(repo, 'packages/core/package.json'), 'utf8')).version as string;
  const [major, minor, patch] = before.split('.').map(Number);
  const expected = `${major}.${minor}.${(patch ?? 0) + 1}`;
  expect(version('packages/core')).toBe(expected);
  expect(version('packages/react')).toBe(expected);
  expect(version('packages/server-adapter')).toBe(expected);
  expect(JSON.parse(readFileSync(join(dir, 'packages/react/package.json'), 'utf8')).dependencies['@mentara/meetings-core']).toBe(expected);
  expect(readFileSync(join(dir, 'packages/core/CHANGELOG.md'), 'utf8')).toContain('A core fix.');
});
