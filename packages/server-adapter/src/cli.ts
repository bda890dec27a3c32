#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { configFromEnv } from './config/env';
import { startMeetingsServer } from './cli/start-server';

const HELP = `mentara-meetings-server — run the Mentara Meetings signalling server

Usage: mentara-meetings-server [--static <dir>] [--port <n>] [--host <addr>]

Configuration comes from environment variables (see the README): PORT, HOST, FRONTEND_URL / APP_URL,
JWT_SECRET (or JWT_PUBLIC_KEY / JWT_JWKS_URL), ALLOWED_ORIGINS, STUN_SERVER_URL, TWILIO_*, XIRSYS_*,
TURN_SERVER_URL, TURN_USERNAME, TURN_PASSWORD, TURN_SECRET, TURN_CREDENTIAL_TTL, STATIC_DIR,
MEETINGS_API_KEYS (REST API under /api/meetings, OpenAPI at /api/meetings/openapi.json),
WEBHOOK_URL and WEBHOOK_SECRET (signed webhooks), MEETINGS_ALLOW_ANONYMOUS=true (development only).
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      static: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const config = configFromEnv({
    ...process.env,
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values.host !== undefined ? { HOST: values.host } : {}),
    ...(values.static !== undefined ? { STATIC_DIR: values.static } : {}),
  });
  const server = await startMeetingsServer(config);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mentara-meetings-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
