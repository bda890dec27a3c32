#!/usr/bin/env node
/**
 * The public API of the three packages, one report per public entry (each `exports` subpath
 * with types), checked in under `etc/api/` and made by API Extractor from the built `.d.ts`
 * files, i.e. exactly what users compile against.
 *
 *   npm run api:update                     # build, then rewrite etc/api/*.api.md
 *   node scripts/api-report.mjs            # compare with etc/api (needs a build): exit 1 on drift
 *   node scripts/api-report.mjs --update   # rewrite from the current build
 *
 * Every exported declaration must have a TSDoc summary (API Extractor's `ae-undocumented`): one
 * without fails the check. Members without one are printed as warnings, as is any other finding.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_PATH = join(REPO_ROOT, 'etc', 'api-extractor.json');
const REPORT_FOLDER = join(REPO_ROOT, 'etc', 'api');
const TEMP_FOLDER = join(REPO_ROOT, '.tmp', 'api');
const PACKAGE_DIRS = ['packages/core', 'packages/react', 'packages/server-adapter'];
const UPDATE_COMMAND = 'npm run api:update';

/** Every public entry: `{ name, subpath, packageJsonPath, typesPath, report }`, from `exports`. */
export function publicEntries() {
  return PACKAGE_DIRS.flatMap((dir) => {
    const packageJsonPath = join(REPO_ROOT, dir, 'package.json');
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    return Object.entries(pkg.exports)
      .filter(([, target]) => typeof target === 'object' && target.import?.types)
      .map(([subpath, target]) => ({
        name: pkg.name,
        subpath,
        packageJsonPath,
        typesPath: join(REPO_ROOT, dir, target.import.types),
        // @mentara/meetings-core + ./protocol → meetings-core-protocol.api.md
        report: `${pkg.name.split('/').pop()}${subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`}.api.md`,
      }));
  });
}

/** The shared settings (etc/api-extractor.json, merged with API Extractor's defaults) for one entry. */
function configFor(entry) {
  const base = ExtractorConfig.loadFile(CONFIG_PATH);
  return {
    ...base,
    projectFolder: dirname(entry.packageJsonPath),
    mainEntryPointFilePath: entry.typesPath,
    compiler: { ...base.compiler, overrideTsconfig: { ...base.compiler.overrideTsconfig, files: [entry.typesPath] } },
    apiReport: { ...base.apiReport, reportFileName: entry.report },
  };
}

/**
 * Declarations without a TSDoc summary, read from a report: each `(undocumented)` marker names
 * the export or member on the next code line. Returns `{ exports, members }`, e.g.
 * `['DevicesState']` and `['DevicesState.cameras']`.
 */
export function undocumentedIn(report) {
  const exports = [];
  const members = [];
  let parent = '';
  let pending = false;
  for (const line of report.split('\n')) {
    const code = line.trim();
    if (code.startsWith('//')) {
      if (code.includes('(undocumented)')) pending = true;
      continue;
    }
    const top = /^(?:export )?(?:declare )?(?:abstract )?(?:interface|class|type|function|const|let|var|enum|namespace) ([\w$]+)/.exec(line);
    if (top?.[1]) {
      parent = top[1];
      if (pending) exports.push(parent);
    } else if (pending) {
      const member = /^\s+(?:readonly |static |protected |get |set )*(?:'([^']+)'|"([^"]+)"|([\w$]+))/.exec(line);
      const name = member?.[1] ?? member?.[2] ?? member?.[3];
      if (name) members.push(`${parent}.${name}`);
    }
    if (code) pending = false;
  }
  // API Extractor renames a declaration that clashes with a global (MediaSource → MediaSource_2)
  // and exports it under its own name: report that name.
  const aliases = new Map([...report.matchAll(/^export \{ ([\w$]+) as ([\w$]+) \}/gm)].map((m) => [m[1], m[2]]));
  const exported = (name) => name.replace(/^[\w$]+/, (declared) => aliases.get(declared) ?? declared);
  return { exports: exports.map(exported), members: members.map(exported) };
}

/** Runs API Extractor on one entry; resolves what it found, printing nothing. */
function extract(entry, update) {
  const findings = [];
  let diff = '';
  const extractorConfig = ExtractorConfig.prepare({
    configObject: configFor(entry),
    configObjectFullPath: CONFIG_PATH,
    packageJsonFullPath: entry.packageJsonPath,
  });
  const result = Extractor.invoke(extractorConfig, {
    localBuild: update,
    printApiReportDiff: !update,
    messageCallback(message) {
      message.handled = true;
      if (message.messageId === 'console-api-report-diff') diff = message.text;
      else if (message.messageId !== 'ae-undocumented' && message.logLevel !== 'none' && (message.category !== 'console' || message.logLevel === 'error')) {
        findings.push({ id: message.messageId, level: message.logLevel, text: message.text });
      }
    },
  });
  // The report as generated now (API Extractor writes it to the temp folder in both modes).
  const report = readFileSync(join(TEMP_FOLDER, entry.report), 'utf8');
  return { findings, diff, changed: result.apiReportChanged, errors: result.errorCount, ...undocumentedIn(report) };
}

function main() {
  const update = process.argv.includes('--update');
  const entries = publicEntries();
  const missingBuild = entries.filter((entry) => !existsSync(entry.typesPath));
  if (missingBuild.length) {
    console.error(`No build for ${missingBuild.map((e) => relative(REPO_ROOT, e.typesPath)).join(', ')}: run npm run build first (or ${UPDATE_COMMAND}).`);
    return 1;
  }
  mkdirSync(REPORT_FOLDER, { recursive: true });

  let failed = 0;
  const totals = { exports: 0, members: 0 };
  let undocumented = 0;
  for (const entry of entries) {
    const result = extract(entry, update);
    const label = `${entry.name}${entry.subpath === '.' ? '' : entry.subpath.slice(1)}`;
    const status = result.errors ? 'ERROR' : result.changed ? (update ? 'updated' : 'CHANGED') : 'unchanged';
    console.log(`${status === 'ERROR' || status === 'CHANGED' ? '✗' : '✓'} ${label} → etc/api/${entry.report} (${status})`);
    if (result.diff) console.log(result.diff.replace(/^/gm, '    '));
    // Findings API Extractor writes into the report (e.g. ae-forgotten-export) are not repeated here.
    for (const finding of result.findings) console.log(`    ${finding.level}: ${finding.id}: ${finding.text}`);
    if (result.exports.length) console.log(`    ✗ ${result.exports.length} exports without a TSDoc summary: ${result.exports.join(', ')}`);
    if (result.members.length) console.log(`    warning: ${result.members.length} members without a TSDoc summary: ${result.members.join(', ')}`);
    totals.exports += result.exports.length;
    totals.members += result.members.length;
    if (result.errors || (result.changed && !update)) failed += 1;
    if (result.exports.length) undocumented += 1;
  }

  console.log(`\nWithout a TSDoc summary: ${totals.exports} exports (must be 0) and ${totals.members} members (warnings) across ${entries.length} entries.`);
  if (undocumented) console.log('\nEvery public export needs a TSDoc summary (a /** one-line */ comment on its declaration).');
  if (failed) {
    console.log(
      `\nThe public API differs from the checked-in report in etc/api/ (diff above). If the change is intended, run\n\n  ${UPDATE_COMMAND}\n\n` +
        'and commit etc/api/ with it, so the API change is reviewed with the code.',
    );
  }
  return failed || undocumented ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
