import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_PACKAGES, isAvailable, planSystemDeps } from './ensure-system-deps.mjs';

describe('planSystemDeps', () => {
  it('does nothing when every package is there, whoever runs it', () => {
    expect(planSystemDeps({ missing: [], isRoot: false, hasApt: false })).toEqual({ action: 'none' });
  });

  it('as root with apt-get: one update, then one install of just the missing packages', () => {
    expect(planSystemDeps({ missing: ['coturn', 'sox'], isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'coturn', 'sox'],
      ],
    });
  });

  it('not root: stops with the exact sudo command', () => {
    const plan = planSystemDeps({ missing: ['chromium', 'redis-server'], isRoot: false, hasApt: true });
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium redis-server\n');
  });

  it('no apt-get: stops and names the packages and the Debian command', () => {
    const plan = planSystemDeps({ missing: ['espeak-ng'], isRoot: true, hasApt: false });
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('apt-get is not available');
    expect(plan.message).toContain('apt-get update && apt-get install -y espeak-ng');
    expect(plan.message).not.toContain('sudo');
  });

  it('check only: stops with the command even as root', () => {
    const plan = planSystemDeps({ missing: ['sox'], isRoot: true, hasApt: true, checkOnly: true });
    expect(plan).toEqual({ action: 'stop', message: expect.stringContaining('apt-get update && apt-get install -y sox') });
  });
});

describe('the package list', () => {
  it('names every Debian package the suites use, each once', () => {
    const names = SYSTEM_PACKAGES.map(({ pkg }) => pkg);
    expect(names).toEqual(['chromium', 'firefox-esr', 'coturn', 'redis-server', 'iproute2', 'util-linux', 'espeak-ng', 'sox']);
  });
});

describe('isAvailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-deps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
  chmodSync(join(dir, 'tool'), 0o755);
  writeFileSync(join(dir, 'plain'), 'not executable');

  it('finds an executable by absolute path or on PATH, and nothing else', () => {
    expect(isAvailable(join(dir, 'tool'))).toBe(true);
    expect(isAvailable('tool', `/nonexistent:${dir}`)).toBe(true);
    expect(isAvailable('plain', dir)).toBe(false);
    expect(isAvailable('tool', '/nonexistent')).toBe(false);
    expect(isAvailable(join(dir, 'missing'))).toBe(false);
  });
});
