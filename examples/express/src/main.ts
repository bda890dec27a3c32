import { configFromEnv } from '@mentara/meetings-server';
import { startExpressExample } from './app';

const server = await startExpressExample(configFromEnv(process.env));
console.log(`Express + Mentara Meetings listening on ${server.url}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
