import { readQuickstartConfig } from './config';
import { startQuickstartServer } from './create-quickstart-server';
import { DEFAULT_STATE_FILE } from './dev-state';
import { ensureWebBuild } from './web-build';

/**
 * `npm start`: builds the web app if needed, then serves it together with the meetings server.
 * Settings: PORT (default 3000), HOST (default 127.0.0.1), FRONTEND_URL (default
 * http://localhost:PORT). `QUICKSTART_WEB_DIR` serves another built app instead (used by the
 * packaged-consumer check); `QUICKSTART_SKIP_BUILD=1` never builds. The signing secret and the
 * meetings created are kept in `QUICKSTART_STATE_FILE` (default `.data/dev-state.json`), so a
 * restart keeps everyone signed in and every link working.
 */
async function main(): Promise<void> {
  const config = readQuickstartConfig();
  const webDir = process.env.QUICKSTART_WEB_DIR || undefined;
  if (!webDir && process.env.QUICKSTART_SKIP_BUILD !== '1') {
    await ensureWebBuild({ log: (line) => console.log(line) });
  }
  const server = await startQuickstartServer({
    port: config.port,
    host: config.host,
    frontendUrl: config.frontendUrl,
    webDir,
    stateFile: process.env.QUICKSTART_STATE_FILE || DEFAULT_STATE_FILE,
    secret: process.env.JWT_SECRET?.trim() || undefined,
  });
  console.log(`Mentara Meetings quickstart listening on ${server.origin}`);
  console.log(`Open ${server.frontendUrl} in two browser tabs, create a meeting in one and open its link in the other.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing…`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
