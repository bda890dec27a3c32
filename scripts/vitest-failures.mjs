// Reads a Vitest JSON report and lists what failed, so the end of `npm test`'s output (often
// all a CI log keeps) names the failing tests and their first error line.
import { readFileSync, existsSync } from 'node:fs';

/**
 * The failed tests in a Vitest JSON report.
 * @param {string} file - path written by `--outputFile.json`
 * @returns {{ files: string[], tests: { file: string, name: string, message: string }[] } | null}
 *   null when the report is missing or unreadable (the run died before writing it)
 */
export function readVitestFailures(file) {
  if (!existsSync(file)) return null;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const files = new Set();
  const tests = [];
  for (const result of report.testResults ?? []) {
    const failedTests = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
    // A file can fail without a failed test: an import error or a failing hook.
    if (result.status === 'failed' || failedTests.length) files.add(result.name);
    for (const a of failedTests) {
      tests.push({ file: result.name, name: a.fullName ?? a.title, message: firstLine(a.failureMessages?.[0]) });
    }
    if (result.status === 'failed' && !failedTests.length) {
      tests.push({ file: result.name, name: '(file)', message: firstLine(result.message) });
    }
  }
  return { files: [...files], tests };
}

function firstLine(text) {
  return String(text ?? '').split('\n').find((l) => l.trim()) ?? '';
}
