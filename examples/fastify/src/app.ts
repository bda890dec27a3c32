import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { attachMeetings, createWebrtcConfigHandler, WEBRTC_CONFIG_PATH, type ServerConfig } from '@mentara/meetings-server';

/** Starts a Fastify app that hosts `/meetings` and `GET /api/meetings/webrtc-config`. */
export async function startFastifyExample(config: ServerConfig): Promise<{ url: string; close(): Promise<void> }> {
  const auth = { ...(config.jwt ? { auth: config.jwt } : {}), allowAnonymous: config.allowAnonymous };
  const app = Fastify();
  const webrtcConfig = createWebrtcConfigHandler({ ...auth, ice: config.ice, allowedOrigins: config.allowedOrigins });
  app.get('/', async () => ({ service: 'mentara-meetings-fastify-example' }));
  app.get(WEBRTC_CONFIG_PATH, (request, reply) => {
    // The handler writes the raw Node response itself; tell Fastify not to.
    reply.hijack();
    return webrtcConfig(request.raw, reply.raw);
  });
  // Fastify's HTTP server exists before listen(); Socket.IO attaches to it directly.
  const meetings = attachMeetings(app.server, { ...auth, allowedOrigins: config.allowedOrigins });
  app.addHook('onClose', async () => meetings.close());
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: () => app.close(),
  };
}
