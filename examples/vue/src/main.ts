import { fileURLToPath } from 'node:url';
import { runElementExampleServer } from '../../html/src/example-server';

// `npm start`: the Vue page in public/, Vue's browser build from node_modules (no CDN, no build
// step), the ready script and a meetings server — the same small server as the plain HTML example.
runElementExampleServer({
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  files: { '/vendor/vue.esm-browser.prod.js': fileURLToPath(import.meta.resolve('vue/dist/vue.esm-browser.prod.js')) },
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
