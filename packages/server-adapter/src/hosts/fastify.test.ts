import { describe, it } from 'vitest';
import { startFastifyExample } from '../../../../examples/fastify/src/app';
import { checkHost, hostTestConfig } from './host-check';

describe('examples/fastify', () => {
  it('hosts /meetings and webrtc-config', async () => {
    const server = await startFastifyExample(hostTestConfig());
    try {
      await checkHost(server.url);
    } finally {
      await server.close();
    }
  });
});
