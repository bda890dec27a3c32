import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published shape of each package, as the product card fixes it. A broken exports map
// only shows up for consumers, so it is pinned here.
const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

const packages = {
  'packages/core/package.json': '@mentara/meetings-core',
  'packages/react/package.json': '@mentara/meetings',
  'packages/server-adapter/package.json': '@mentara/meetings-server',
};

describe.each(Object.entries(packages))('%s', (path, name) => {
  const pkg = read(path);

  it('has the fixed name, Node ≥ 20 and one shared version', () => {
    expect(pkg.name).toBe(name);
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.version).toBe(read('packages/core/package.json').version);
  });

  it('ships ESM + CJS with types for both, and a source condition for the workspace', () => {
    for (const [subpath, entry] of Object.entries<Record<string, unknown>>(pkg.exports)) {
      // Data files (package.json, openapi.json), stylesheets and the element's ready script (a
      // browser script for a plain <script type="module">) are files, not modules.
      if (subpath.endsWith('.json') || subpath.endsWith('.css') || subpath === './mentara-meeting.js') continue;
      expect(entry['@mentara/source'], subpath).toMatch(/^\.\/src\//);
      const { import: esm, require: cjs } = entry as Record<string, Record<string, string>>;
      expect(esm?.types, subpath).toMatch(/\.d\.ts$/);
      expect(esm?.default, subpath).toMatch(/\.js$/);
      expect(cjs?.types, subpath).toMatch(/\.d\.cts$/);
      expect(cjs?.default, subpath).toMatch(/\.cjs$/);
    }
  });

  it('declares its side effects', () => {
    expect(pkg.sideEffects === false || Array.isArray(pkg.sideEffects)).toBe(true);
  });
});

describe('@mentara/meetings', () => {
  it('takes React as a peer and depends on core at the same version', () => {
    const pkg = read('packages/react/package.json');
    expect(Object.keys(pkg.peerDependencies)).toEqual(expect.arrayContaining(['react', 'react-dom']));
    expect(pkg.dependencies.react).toBeUndefined();
    expect(pkg.dependencies['@mentara/meetings-core']).toBe(pkg.version);
  });
});

describe('@mentara/meetings-server', () => {
  it('has a bin that a fresh clone already holds (npm links it on install) and that is published', () => {
    const pkg = read('packages/server-adapter/package.json');
    for (const file of Object.values<string>(pkg.bin)) {
      const tracked = execFileSync('git', ['ls-files', file], { cwd: new URL('packages/server-adapter/', root), encoding: 'utf8' });
      expect(tracked.trim(), `${file} is not in git`).toBe(file.replace(/^\.\//, ''));
      expect(pkg.files).toContain(file.replace(/^\.\//, '').split('/')[0]);
    }
  });
});

describe('changesets', () => {
  it('versions the three packages together', () => {
    const config = read('changeset.config.json');
    expect(config.fixed).toEqual([Object.values(packages)]);
    expect(read('.changeset/config.json')).toEqual(config);
  });
});
