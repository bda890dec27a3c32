import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config/env';
import { silentLogger } from '../observability/logger';
import { startMeetingsServer, type RunningMeetingsServer } from './start-server';

describe('metrics on a port of their own', () => {
  let server: RunningMeetingsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('without METRICS_TOKEN, /metrics is served on METRICS_PORT (loopback) and is a 404 on the app port', async () => {
    const config = configFromEnv({ PORT: '0', MEETINGS_ALLOW_ANONYMOUS: 'true', METRICS: 'true', METRICS_PORT: '0' });
    server = await startMeetingsServer(config, { logger: silentLogger });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(server.metricsUrl as string);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('mentara_meetings_joins_total');
  });

  it('reads JWT_SECRET_FILE, FRAME_ANCESTORS and CONTENT_SECURITY_POLICY', () => {
    const config = configFromEnv(
      { JWT_SECRET_FILE: '/run/secrets/jwt', FRAME_ANCESTORS: 'https://platform.example, https://admin.example', CONTENT_SECURITY_POLICY: 'off' },
      (path) => (path === '/run/secrets/jwt' ? 'from-the-file\n' : ''),
    );
    expect(config.jwt).toEqual({ secret: 'from-the-file' });
    expect(config.frameAncestors).toEqual(['https://platform.example', 'https://admin.example']);
    expect(config.contentSecurityPolicy).toBe(false);
  });
});
