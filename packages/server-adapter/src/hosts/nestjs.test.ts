import { describe, expect, it } from 'vitest';
import { startNestExample } from '../../../../examples/nestjs/src/app';
import { checkHost, hostTestConfig } from './host-check';

describe('examples/nestjs', () => {
  it('hosts /meetings and webrtc-config through MeetingsModule', async () => {
    const server = await startNestExample(hostTestConfig());
    try {
      await checkHost(server.url);
      expect(server.host.server.namespace.name).toBe('/meetings');
    } finally {
      await server.close();
    }
  });
});
