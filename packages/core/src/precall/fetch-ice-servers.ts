import type { PrecallReason } from './types';

/** Outcome of {@link fetchIceServers}. */
export type IceServersOutcome = { ok: true; iceServers: RTCIceServer[] } | { ok: false; reason: PrecallReason; detail: string };

const hasTurn = (servers: RTCIceServer[]) => servers.some((s) => [s.urls].flat().some((u) => /^turns?:/i.test(u)));

/**
 * `GET <url>` with `Authorization: Bearer <token>` → the ICE servers, as the client fetches them
 * (see `ice/ice-config.ts`). A list without a TURN server fails: the check is about the relay.
 */
export async function fetchIceServers(url: string, token: string | undefined, fetchImpl: typeof fetch, timeoutMs: number): Promise<IceServersOutcome> {
  const controller = typeof AbortController === 'undefined' ? null : new AbortController();
  const timer = setTimeout(() => controller?.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(controller ? { signal: controller.signal } : {}),
    });
    if (!response.ok) return { ok: false, reason: 'config-unavailable', detail: `webrtc-config answered ${response.status}` };
    const body = (await response.json()) as { iceServers?: unknown };
    if (!Array.isArray(body.iceServers)) return { ok: false, reason: 'config-unavailable', detail: 'iceServers missing' };
    return checkedServers(body.iceServers as RTCIceServer[]);
  } catch (error) {
    return { ok: false, reason: 'config-unavailable', detail: String((error as Error)?.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Accept `servers` only if one of them is a TURN server. */
export function checkedServers(servers: RTCIceServer[]): IceServersOutcome {
  return hasTurn(servers) ? { ok: true, iceServers: servers } : { ok: false, reason: 'no-turn-server', detail: 'no turn: or turns: URL' };
}
