import { configFromEnv } from '@mentara/meetings-server';
import { startFastifyExample } from './app';

const server = await startFastifyExample(configFromEnv(process.env));
console.log(`Fastify + Mentara Meetings listening on ${server.url}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
