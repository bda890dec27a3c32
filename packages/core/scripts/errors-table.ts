/**
 * Prints the README's error table from the code list (`meetingErrorCodes()`), between the
 * `<!-- errors:start -->` / `<!-- errors:end -->` markers with `--write`.
 *
 *   npx tsx --conditions=@mentara/source packages/core/scripts/errors-table.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { meetingErrorCodes } from '../src/errors/error-codes';

/** The markdown table of every error code. */
export function errorsTable(): string {
  const rows = meetingErrorCodes().map(
    (e) => `| \`${e.code}\` | ${e.origin} | ${e.recoverable ? 'yes' : 'no'} | ${e.hint} |`,
  );
  return ['| code | from | recoverable | hint shown to the user |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
if (process.argv.includes('--write')) {
  const text = readFileSync(readme, 'utf8');
  const next = text.replace(/<!-- errors:start -->[\s\S]*<!-- errors:end -->/, `<!-- errors:start -->\n${errorsTable()}\n<!-- errors:end -->`);
  writeFileSync(readme, next);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(errorsTable());
}
