import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-utils/harness';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/types';
import { API_ERROR_CODES } from './errors';
import { createMeetingsApiHandler } from './meetings-api-handler';
import { API_ROUTES } from './routes';

const CHECKED_IN = new URL('../../openapi.json', import.meta.url);

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; security?: unknown[] }>>;
  webhooks: Record<string, { post: { requestBody: unknown } }>;
  components: { schemas: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let harness: Harness;
  let served: { text: string; doc: Doc };
  beforeAll(async () => {
    harness = await startHarness();
    const handler = createMeetingsApiHandler({ meetings: harness.meetings, apiKeys: ['api-key-for-tests-0123456789abcdef'], frontendUrl: 'https://app.example' });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/meetings/openapi.json`);
    server.close();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    served = { text, doc: JSON.parse(text) as Doc };
  });
  afterAll(() => harness.close());

  it('is the checked-in openapi.json (regenerate with `npm run openapi -w @mentara/meetings-server`)', () => {
    const checkedIn = readFileSync(CHECKED_IN, 'utf8');
    expect(JSON.parse(checkedIn)).toEqual(served.doc);
    expect(checkedIn).toBe(`${JSON.stringify(served.doc, null, 2)}\n`);
  });

  it('describes every route with its operation, and only them', () => {
    const listed = Object.entries(served.doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    expect(listed.sort()).toEqual(API_ROUTES.map((r) => `${r.method} /api/meetings${r.path} ${r.operation}`).sort());
    for (const route of API_ROUTES) {
      const op = served.doc.paths[`/api/meetings${route.path}`]![route.method.toLowerCase()]!;
      expect(Object.keys(op.responses)).toContain(String(route.success.status));
      for (const code of route.errors) expect(Object.keys(op.responses)).toContain(String(API_ERROR_CODES[code].status));
      // Only the document itself is open; everything else needs the bearer credential.
      expect(op.security).toEqual(route.authenticated ? undefined : []);
    }
  });

  it('describes every webhook event, and every reference resolves', () => {
    expect(served.doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(served.doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    const refs = [...served.text.matchAll(/"\$ref": ?"#\/components\/schemas\/([^"]+)"/g)].map(([, id]) => id!);
    expect(refs.length).toBeGreaterThan(10);
    for (const id of refs) expect(served.doc.components.schemas, id).toHaveProperty(id);
  });
});
