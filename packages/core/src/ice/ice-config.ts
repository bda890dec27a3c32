import { MeetingError } from '../errors/meeting-error';
import type { WebrtcConfigResponse } from '../protocol/types';
import { createTimerGroup } from '../util/timers';
import { credentialExpiry, refreshTime } from './credential-expiry';

/** Options of `createIceConfigProvider`. */
export interface IceConfigOptions {
  /** `GET /api/meetings/webrtc-config` URL; `null` uses `fallback` only. */
  url: string | null;
  getToken: () => Promise<string | undefined>;
  fetch: typeof fetch | undefined;
  /** Used when the endpoint cannot be reached (e.g. from `NEXT_PUBLIC_TURN_*`). */
  fallback: RTCIceServer[];
  /** Privacy: force `iceTransportPolicy: 'relay'`. */
  relayOnly: boolean;
  /** Cache lifetime when the credentials carry no expiry. @default 600000 */
  maxAgeMs?: number;
  timeoutMs?: number;
  onError: (error: MeetingError) => void;
}

/** Source of the `RTCConfiguration` for every new peer connection. */
export interface IceConfigProvider {
  /** Cached config while fresh, otherwise a new fetch (concurrent callers share it). */
  get(): Promise<RTCConfiguration>;
  /** Keep the cache warm: refetch before the credentials expire (while in a meeting). */
  startRefreshing(): () => void;
  dispose(): void;
}

interface Cached {
  config: RTCConfiguration;
  refreshAt: number;
  expiresAt: number | null;
}

/**
 * ICE servers from the backend with caching, proactive refresh and fallback. The endpoint is
 * called with `Authorization: Bearer <token>`.
 */
export function createIceConfigProvider(o: IceConfigOptions): IceConfigProvider {
  const maxAgeMs = o.maxAgeMs ?? 600_000;
  const timers = createTimerGroup();
  let cached: Cached | null = null;
  let inflight: Promise<RTCConfiguration> | null = null;
  let refreshing = 0;
  let disposed = false;

  const build = (iceServers: RTCIceServer[], poolSize?: number): RTCConfiguration => ({
    iceServers,
    ...(o.relayOnly ? { iceTransportPolicy: 'relay' as const } : {}),
    ...(poolSize ? { iceCandidatePoolSize: Math.min(poolSize, 10) } : {}),
  });

  async function fetchConfig(): Promise<RTCConfiguration> {
    const now = Date.now();
    if (!o.url || !o.fetch) return build(o.fallback);
    const controller = typeof AbortController === 'undefined' ? null : new AbortController();
    const cancel = timers.after(o.timeoutMs ?? 5_000, () => controller?.abort());
    try {
      const token = await o.getToken();
      const response = await o.fetch(o.url, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(controller ? { signal: controller.signal } : {}),
      });
      if (!response.ok) throw new MeetingError('ice-config-unavailable', `webrtc-config answered ${response.status}`);
      const body = (await response.json()) as Partial<WebrtcConfigResponse>;
      if (!Array.isArray(body.iceServers)) throw new MeetingError('ice-config-unavailable', 'webrtc-config: iceServers missing');
      const expiresAt = credentialExpiry(body.iceServers);
      const config = build(body.iceServers as RTCIceServer[], body.iceCandidatePoolSize);
      cached = { config, expiresAt, refreshAt: refreshTime(now, expiresAt, maxAgeMs) };
      scheduleRefresh();
      return config;
    } catch (cause) {
      // Still-valid credentials beat the fallback.
      if (cached && (cached.expiresAt === null || cached.expiresAt > Date.now())) return cached.config;
      if (o.fallback.length === 0) o.onError(new MeetingError('ice-config-unavailable', undefined, { cause }));
      // Remember the fallback briefly so rebuilds do not each wait for a dead endpoint.
      const config = build(o.fallback);
      cached = { config, expiresAt: null, refreshAt: Date.now() + 30_000 };
      return config;
    } finally {
      cancel();
    }
  }

  let cancelRefresh: (() => void) | null = null;
  function scheduleRefresh() {
    cancelRefresh?.();
    cancelRefresh = null;
    if (!cached || refreshing === 0 || disposed) return;
    cancelRefresh = timers.after(Math.max(1_000, cached.refreshAt - Date.now()), () => {
      cached = cached ? { ...cached, refreshAt: 0 } : null;
      void provider.get();
    });
  }

  const provider: IceConfigProvider = {
    get() {
      if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.config);
      if (!inflight) {
        inflight = fetchConfig().finally(() => {
          inflight = null;
        });
      }
      return inflight;
    },
    startRefreshing() {
      refreshing += 1;
      scheduleRefresh();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        refreshing -= 1;
        if (refreshing === 0) {
          cancelRefresh?.();
          cancelRefresh = null;
        }
      };
    },
    dispose() {
      disposed = true;
      timers.clear();
    },
  };
  return provider;
}
