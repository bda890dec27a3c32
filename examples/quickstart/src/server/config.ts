/** Settings of the quickstart server, read from the environment. */
export interface QuickstartConfig {
  /** `PORT`; `0` picks a free port. @default 3000 */
  port: number;
  /** `HOST` to listen on. @default '127.0.0.1' (loopback only: the demo is for this machine) */
  host: string;
  /**
   * `FRONTEND_URL` (or `APP_URL`), the origin meeting URLs start with.
   * `undefined` means `http://localhost:<port actually listened on>`.
   */
  frontendUrl: string | undefined;
}

/**
 * Reads `PORT`, `HOST` and `FRONTEND_URL`/`APP_URL`. Throws a clear error for a malformed value
 * instead of starting half-configured.
 */
export function readQuickstartConfig(env: NodeJS.ProcessEnv = process.env): QuickstartConfig {
  const rawPort = env.PORT?.trim() || '3000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${rawPort}"`);
  }
  const frontendUrl = (env.FRONTEND_URL ?? env.APP_URL)?.trim() || undefined;
  if (frontendUrl !== undefined && !URL.canParse(frontendUrl)) {
    throw new Error(`FRONTEND_URL must be an absolute URL, got "${frontendUrl}"`);
  }
  return { port, host: env.HOST?.trim() || '127.0.0.1', frontendUrl: frontendUrl?.replace(/\/+$/, '') };
}
