/**
 * Writes `openapi.json` (the meetings REST API and its webhooks, for the default base path) from
 * the zod schemas. Run after changing a route or a schema: `npm run openapi -w @mentara/meetings-server`.
 * `src/rest/openapi.test.ts` fails while the checked-in file differs from what the server serves.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument } from '../src/rest/openapi';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
