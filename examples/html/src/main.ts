import { fileURLToPath } from 'node:url';
import { runElementExampleServer } from './example-server';

// `npm start`: the plain HTML page in public/ with the ready script and a meetings server.
runElementExampleServer({ publicDir: fileURLToPath(new URL('../public', import.meta.url)) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
