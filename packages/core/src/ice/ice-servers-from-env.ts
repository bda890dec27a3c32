/**
 * Build fallback ICE servers from the deployment guide's frontend variables
 * (`NEXT_PUBLIC_TURN_SERVER_URL`, `NEXT_PUBLIC_TURN_USERNAME`, `NEXT_PUBLIC_TURN_PASSWORD`).
 * Pass the values explicitly: bundlers only inline `process.env.NEXT_PUBLIC_*` written out in app code.
 *
 * @example
 * createMeetingClient({ serverUrl, iceServers: iceServersFromEnv({
 *   url: process.env.NEXT_PUBLIC_TURN_SERVER_URL,
 *   username: process.env.NEXT_PUBLIC_TURN_USERNAME,
 *   password: process.env.NEXT_PUBLIC_TURN_PASSWORD,
 * }) })
 */
export function iceServersFromEnv(env: { url?: string | undefined; username?: string | undefined; password?: string | undefined }): RTCIceServer[] {
  const urls = (env.url ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length === 0) return [];
  return [{ urls, ...(env.username ? { username: env.username } : {}), ...(env.password ? { credential: env.password } : {}) }];
}
