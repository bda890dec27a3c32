/**
 * When do these ICE credentials expire? coturn's TURN REST API (`use-auth-secret`) issues
 * usernames of the form `<unix-expiry-seconds>:<user>`; the earliest such expiry wins.
 * Returns epoch ms, or `null` when no username carries an expiry (Twilio, Xirsys, static).
 */
export function credentialExpiry(iceServers: ReadonlyArray<{ username?: string }>): number | null {
  let earliest: number | null = null;
  for (const server of iceServers) {
    const match = server.username ? /^(\d{9,11}):/.exec(server.username) : null;
    if (!match?.[1]) continue;
    const ms = Number(match[1]) * 1000;
    if (earliest === null || ms < earliest) earliest = ms;
  }
  return earliest;
}

/**
 * When to fetch fresh credentials: at 80 % of their remaining life, and at least `marginMs`
 * before expiry, so a connection rebuilt late in the meeting never uses stale ones. Without an
 * expiry, after `maxAgeMs`.
 */
export function refreshTime(fetchedAt: number, expiresAt: number | null, maxAgeMs: number, marginMs = 60_000): number {
  const byAge = fetchedAt + maxAgeMs;
  if (expiresAt === null) return byAge;
  const life = Math.max(0, expiresAt - fetchedAt);
  return Math.min(byAge, fetchedAt + life * 0.8, expiresAt - marginMs);
}
