import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The README promises a minimum Node and npm. Every package the lockfile installs must run on
// them, or `npm ci` warns (EBADENGINE) and the tool may break on the oldest supported Node.
// The minimums are read from the README's own sentence, so the two cannot drift apart.
const root = new URL('../../', import.meta.url);
const readText = (path: string) => readFileSync(new URL(path, root), 'utf8');
const rootPkg = JSON.parse(readText('package.json')) as { engines: Record<string, string> };
// The workspace, and React 18 installed apart for the react18 test project.
const lockfiles = ['package-lock.json', 'tests/react18/package-lock.json'];

interface LockEntry {
  version?: string;
  optional?: boolean;
  engines?: Record<string, string> | string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The version after "<tool> ≥ " in the README's "Two commands" section, e.g. `Node ≥ 20.19`. */
function readmeMinimum(tool: 'Node' | 'npm'): string {
  const match = new RegExp(`${tool} ≥ (\\d+\\.\\d+(?:\\.\\d+)?)`).exec(readText('README.md'));
  if (!match?.[1]) throw new Error(`README.md states no "${tool} ≥ x.y" version`);
  return match[1];
}

/** Lockfile entries whose `engines[tool]` range excludes `version`, with who pulls them in. */
function excluding(tool: 'node' | 'npm', version: string) {
  const full = semver.coerce(version)!.version;
  return lockfiles.flatMap((lockfile) => {
    const { packages } = JSON.parse(readText(lockfile)) as { packages: Record<string, LockEntry> };
    return Object.entries(packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.[tool];
      if (!range || semver.satisfies(full, range)) return [];
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const dependents = Object.entries(packages)
        .filter(([, e]) => e.dependencies?.[name] !== undefined || e.optionalDependencies?.[name] !== undefined)
        .map(([p]) => p || '(root)');
      return [{ lockfile, path, version: entry.version, range, optional: entry.optional === true, dependents }];
    });
  });
}

describe('Node and npm versions', () => {
  const node = readmeMinimum('Node');
  const npm = readmeMinimum('npm');

  it('the README and the root package.json state the same minimums', () => {
    expect(rootPkg.engines.node).toBe(`>=${node}`);
    expect(rootPkg.engines.npm).toBe(`>=${npm}`);
  });

  it(`every package the lockfile installs runs on the README's minimum Node`, () => {
    const found = excluding('node', node);
    // npm skips an optional dependency whose engines exclude the running Node (nothing to
    // install, nothing breaks); every other one is installed and must accept the minimum.
    const skipped = found.filter((entry) => entry.optional);
    if (skipped.length) console.info(`optional, skipped by npm on Node ${node}:`, skipped.map((e) => `${e.path} (${e.range})`));
    const required = found.filter((entry) => !entry.optional);
    expect(required, `pin these (package.json "overrides") to a version whose engines allow Node ${node}`).toEqual([]);
  });

  it(`every package the lockfile installs accepts the README's minimum npm`, () => {
    expect(excluding('npm', npm)).toEqual([]);
  });
});
