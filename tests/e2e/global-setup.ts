import { ensureReadyScript } from '../../packages/react/build/ready-script.mjs';
import { ensureWebBuild } from '../../examples/quickstart/src/server/web-build';

/**
 * Builds the quickstart web app and the `<mentara-meeting>` ready script once before the browser
 * tests (each skipped when newer than every source it depends on). The servers the tests start
 * never build.
 */
export default async function setup(): Promise<void> {
  const started = Date.now();
  const built = await ensureWebBuild({ log: (line) => console.log(`[e2e] ${line}`) });
  if (built) console.log(`[e2e] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (await ensureReadyScript()) console.log('[e2e] built packages/react/dist/mentara-meeting.js');
}
