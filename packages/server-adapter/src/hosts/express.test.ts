import { describe, it } from 'vitest';
import { startExpressExample } from '../../../../examples/express/src/app';
import { checkHost, hostTestConfig } from './host-check';

describe('examples/express', () => {
  it('hosts /meetings and webrtc-config', async () => {
    const server = await startExpressExample(hostTestConfig());
    try {
      await checkHost(server.url);
    } finally {
      await server.close();
    }
  });
});
