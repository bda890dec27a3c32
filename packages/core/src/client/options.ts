import { DEPARTED_PEER_TIMEOUT_MS } from '../peers/departures';
import { WEBRTC_CONFIG_PATH } from '../protocol/events';
import { createBackoff, type Backoff } from '../util/backoff';
import type { MeetingClientOptions } from './types';

/** `MeetingClientOptions` with every default applied. */
export interface ResolvedOptions {
  raw: MeetingClientOptions;
  webrtcConfigUrl: string | null;
  getToken: () => Promise<string | undefined>;
  media: { camera: boolean; microphone: boolean };
  joinTimeoutMs: number;
  socketBackoff: { attempts: number; delayMs: number; maxDelayMs: number };
  rejoinBackoff: Backoff;
  peerBackoff: Backoff;
  connectTimeoutMs: number;
  iceRestart: boolean;
  departedAfterMs: number;
  statsIntervalMs: number;
}

/** Derive the ICE-config URL: explicit URL, else `${apiUrl}/meetings/webrtc-config`, else the server origin. */
export function resolveWebrtcConfigUrl(o: MeetingClientOptions): string | null {
  if (o.webrtcConfigUrl === false) return null;
  if (o.webrtcConfigUrl) return o.webrtcConfigUrl;
  if (o.apiUrl) return `${o.apiUrl.replace(/\/+$/, '')}/meetings/webrtc-config`;
  return `${o.serverUrl.replace(/\/+$/, '')}${WEBRTC_CONFIG_PATH}`;
}

/** Apply defaults (documented on `MeetingClientOptions`). */
export function resolveOptions(o: MeetingClientOptions): ResolvedOptions {
  const reconnection = { maxAttempts: 10, initialDelayMs: 500, maxDelayMs: 10_000, factor: 2, ...o.reconnection };
  return {
    raw: o,
    webrtcConfigUrl: resolveWebrtcConfigUrl(o),
    getToken: async () => {
      const token = o.getToken ? await o.getToken() : o.token;
      return token ?? undefined;
    },
    media: { camera: o.media?.camera ?? true, microphone: o.media?.microphone ?? true },
    joinTimeoutMs: o.joinTimeoutMs ?? 15_000,
    socketBackoff: {
      attempts: reconnection.maxAttempts,
      delayMs: reconnection.initialDelayMs,
      maxDelayMs: reconnection.maxDelayMs,
    },
    rejoinBackoff: createBackoff(o.reconnection, { maxAttempts: 10, initialDelayMs: 500, maxDelayMs: 10_000, factor: 2 }),
    peerBackoff: createBackoff(o.peerReconnection, { maxAttempts: 4, initialDelayMs: 1_000, maxDelayMs: 8_000, factor: 2 }),
    connectTimeoutMs: o.peerReconnection?.connectTimeoutMs ?? 15_000,
    iceRestart: o.peerReconnection?.iceRestart ?? true,
    departedAfterMs: o.peerReconnection?.departedAfterMs ?? DEPARTED_PEER_TIMEOUT_MS,
    statsIntervalMs: o.statsIntervalMs ?? 2_000,
  };
}
