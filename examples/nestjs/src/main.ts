import { configFromEnv } from '@mentara/meetings-server';
import { startNestExample } from './app';

const server = await startNestExample(configFromEnv(process.env));
console.log(`NestJS + Mentara Meetings listening on ${server.url}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
