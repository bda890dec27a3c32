#!/usr/bin/env node
// `mentara-meetings-server`: the standalone server (see the package README).
//
// From the published package this runs the built CLI in `dist/`. In the repository, `src/`
// sits next to this file and `dist/` may not exist (`npm install` builds nothing), so it runs
// the CLI from source through tsx with the workspace's `@mentara/source` export condition, as
// the tests and the quickstart do. `src/` is never published, so users always get `dist/`.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);

if (existsSync(source)) {
  const { register } = await import('node:module');
  // Resolve workspace packages (@mentara/meetings-core) to their `src/` entries, not `dist/`.
  const addSourceCondition = `export function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: [...context.conditions, '@mentara/source'] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
  await import('tsx');
  await import(source.href);
} else {
  await import('../dist/cli.js');
}
