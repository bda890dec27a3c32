import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// How the source of each package depends on itself, read with the TypeScript compiler: every
// relative `import`, `export … from` and `import()` (type-only imports too — a circle of types is
// still a circle for the reader). Imports of other packages are not followed.
const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = ['core', 'react', 'server-adapter'] as const;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const resolveImport = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
};

/** File → the files of the same package it imports (paths relative to `src/`). */
function importGraph(pkg: (typeof PACKAGES)[number]): Map<string, string[]> {
  const src = join(root, 'packages', pkg, 'src');
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t): t is string => t !== undefined);
    graph.set(relative(src, file), targets.map((t) => relative(src, t)));
  }
  return graph;
}

/** The import circles of a graph: its strongly connected components of more than one file (or a file importing itself). */
function importCircles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/**
 * The core's units (`chat/`, `media/`, `peers/`, `signalling/`, …) sit below the client facade:
 * the facade composes them, they never reach up into `client/`. Tests are exempt (an
 * integration test may drive a unit through the whole client), and so are the testing kit and
 * test support, which build clients (they sit beside the facade, as its users).
 */
function coreImportsOfClient(graph: Map<string, string[]>): string[] {
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    const folder = file.split('/')[0];
    if (!file.includes('/') || ['client', 'testing', 'test-support'].includes(folder!) || /\.test\.tsx?$/.test(file)) continue;
    for (const target of targets) if (target.startsWith('client/')) violations.push(`${file} → ${target}`);
  }
  return violations.sort();
}

/**
 * The core's folders in layers, top to bottom (the order `packages/core/README.md` documents):
 * a folder imports only from its own layer or the ones before it, so data flows one way.
 */
const CORE_LAYERS: readonly (readonly string[])[] = [
  ['protocol', 'errors', 'env', 'util'],
  ['state'],
  ['media'],
  ['peers', 'effects'],
  ['signalling', 'ice', 'quality'],
  ['chat', 'membership', 'precall'],
  ['client'],
  ['testing', 'test-support'],
];

/** Imports (outside tests) from a folder in a later layer than the importing file's. */
function coreLayerViolations(graph: Map<string, string[]>): string[] {
  const layerOf = (file: string) => CORE_LAYERS.findIndex((layer) => layer.includes(file.split('/')[0]!));
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.includes('/') || /\.test\.tsx?$/.test(file)) continue;
    const own = layerOf(file);
    if (own < 0) violations.push(`${file}: folder is in no layer`);
    for (const target of targets) if (target.includes('/') && layerOf(target) > own) violations.push(`${file} → ${target}`);
  }
  return violations.sort();
}

describe('import graph', () => {
  it.each(['react', 'server-adapter'] as const)('packages/%s/src has no import circle', (pkg) => {
    expect(importCircles(importGraph(pkg))).toEqual([]);
  });

  it('packages/core/src has no import circle', () => {
    expect(importCircles(importGraph('core'))).toEqual([]);
  });

  it('no file under packages/core/src/<folder>/ other than client/ imports from client/', () => {
    expect(coreImportsOfClient(importGraph('core'))).toEqual([]);
  });

  it('the core\'s folders import only from their own layer or the layers above', () => {
    expect(coreLayerViolations(importGraph('core'))).toEqual([]);
  });

  it('finds a circle and an upward import when there is one (the checks can fail)', () => {
    const graph = new Map([
      ['client/types.ts', ['peers/transport.ts']],
      ['peers/transport.ts', ['client/types.ts']],
      ['index.ts', ['client/types.ts']],
      ['peers/transport.test.ts', ['client/types.ts']],
    ]);
    expect(importCircles(graph)).toEqual([['client/types.ts', 'peers/transport.ts']]);
    expect(coreImportsOfClient(graph)).toEqual(['peers/transport.ts → client/types.ts']);
    expect(coreLayerViolations(new Map([['state/reducer.ts', ['media/types.ts']], ['mystery/x.ts', []]]))).toEqual([
      'mystery/x.ts: folder is in no layer',
      'state/reducer.ts → media/types.ts',
    ]);
  });
});
