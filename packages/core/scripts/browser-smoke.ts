/**
 * Browser smoke test of the PUBLISHED core build (packages/core/dist, build it first): serves a
 * page bundled with esbuild exactly like an app would (no polyfills), runs browser-smoke.page.ts
 * in Chromium against the real server adapter, and prints what it observed.
 *
 *   npm run build -w @mentara/meetings-core
 *   bash scripts/netns-run.sh npx tsx --conditions=@mentara/source packages/core/scripts/browser-smoke.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { attachMeetings } from '@mentara/meetings-server';
import { collectPageErrors, launchChromium } from '../../../tests/support/chromium';

const page = fileURLToPath(new URL('./browser-smoke.page.ts', import.meta.url));
// No `@mentara/source` condition: the page gets the dist, as an app installing the package would.
const bundled = await build({ entryPoints: [page], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error' });
const js = bundled.outputFiles[0]!.text;

const http = createServer((req, res) => {
  if (req.url === '/smoke.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(js);
  } else if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>core smoke</title><script type="module" src="/smoke.js"></script>');
  }
});
const meetings = attachMeetings(http, { allowAnonymous: true });
await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
// The kit's WebAudio microphone needs audio allowed without a gesture (as after a click in an app).
const browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
let exitCode = 1;
try {
  const tab = await browser.newPage();
  const errors = collectPageErrors(tab);
  await tab.goto(url);
  await tab.waitForFunction('window.__smoke !== undefined', undefined, { timeout: 60_000 });
  const result = (await tab.evaluate('window.__smoke')) as { ok: boolean; error?: string; details: unknown };
  console.log(JSON.stringify(result, null, 2));
  if (errors.pageErrors.length) console.log('page errors:', errors.pageErrors);
  exitCode = result.ok && errors.pageErrors.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await meetings.close();
  http.closeAllConnections();
  http.close();
}
console.log(`bundle: ${(js.length / 1024).toFixed(1)} KB unminified; browser smoke ${exitCode === 0 ? 'passed' : 'FAILED'}`);
process.exit(exitCode);
