import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { attachMeetings, createWebrtcConfigHandler, WEBRTC_CONFIG_PATH, type ServerConfig } from '@mentara/meetings-server';

/** Starts an Express app that hosts `/meetings` and `GET /api/meetings/webrtc-config`. */
export async function startExpressExample(config: ServerConfig): Promise<{ url: string; close(): Promise<void> }> {
  const auth = { ...(config.jwt ? { auth: config.jwt } : {}), allowAnonymous: config.allowAnonymous };
  const app = express();
  app.get('/', (_req, res) => {
    res.json({ service: 'mentara-meetings-express-example' });
  });
  // The handler is a plain (req, res) function; Express mounts it as is.
  app.get(WEBRTC_CONFIG_PATH, createWebrtcConfigHandler({ ...auth, ice: config.ice, allowedOrigins: config.allowedOrigins }));

  const server = createServer(app);
  const meetings = attachMeetings(server, { ...auth, allowedOrigins: config.allowedOrigins });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    async close() {
      await meetings.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
