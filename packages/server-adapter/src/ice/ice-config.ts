import type { WebrtcConfigResponse } from '@mentara/meetings-core/protocol';
import type { MeetingsLogger } from '../observability/logger';
import { silentLogger } from '../observability/logger';
import { createCoturnSecretProvider, createStaticTurnProvider, type CoturnSecretOptions, type CoturnStaticOptions } from './coturn';
import { createTwilioProvider, type TwilioOptions } from './twilio';
import { DEFAULT_STUN_URL, type FetchLike, type IceProvider, type IceServer } from './types';
import { createXirsysProvider, type XirsysOptions } from './xirsys';

/** ICE settings; {@link configFromEnv} builds them from the deployment guide's variables. */
export interface IceOptions {
  /** STUN URLs; `false` (env `STUN_SERVER_URL=none`) sends none. @default ['stun:stun.l.google.com:19302'] */
  stunUrls?: string[] | false;
  twilio?: TwilioOptions;
  /** Xirsys REST API (dynamic credentials). */
  xirsys?: XirsysOptions;
  /** Xirsys static credentials (XIRSYS_TURN_SERVER_URL / XIRSYS_USERNAME / XIRSYS_CREDENTIAL). */
  xirsysStatic?: CoturnStaticOptions;
  /** coturn time-limited credentials (TURN_SECRET). */
  coturnSecret?: CoturnSecretOptions;
  /** coturn static credentials (TURN_SERVER_URL / TURN_USERNAME / TURN_PASSWORD). */
  coturnStatic?: CoturnStaticOptions;
  /** Extra providers, tried after the built-in ones. */
  providers?: IceProvider[];
  /** @default 10 */
  iceCandidatePoolSize?: number;
  fetch?: FetchLike;
}

/** Answers `GET /api/meetings/webrtc-config` bodies. */
export interface IceConfigSource {
  /** Provider names in precedence order (for logs and diagnostics). */
  readonly providers: readonly string[];
  getConfig(userId: string): Promise<WebrtcConfigResponse>;
}

/**
 * Builds the TURN providers in precedence order — Twilio, Xirsys API, Xirsys static, coturn
 * shared secret, coturn static, then custom ones — and answers with STUN plus the TURN servers
 * of the FIRST provider that answers. A failing provider is logged and the next one is tried;
 * when all fail the answer carries STUN only (calls on open networks still connect).
 */
export function createIceConfig(options: IceOptions = {}, logger: MeetingsLogger = silentLogger): IceConfigSource {
  const withFetch = <T extends object>(o: T): T => (options.fetch ? { fetch: options.fetch, ...o } : o);
  const providers: IceProvider[] = [];
  if (options.twilio) providers.push(createTwilioProvider(withFetch(options.twilio)));
  if (options.xirsys) providers.push(createXirsysProvider(withFetch(options.xirsys)));
  if (options.xirsysStatic) providers.push(createStaticTurnProvider('xirsys-static', options.xirsysStatic));
  if (options.coturnSecret) providers.push(createCoturnSecretProvider(options.coturnSecret));
  if (options.coturnStatic) providers.push(createStaticTurnProvider('coturn-static', options.coturnStatic));
  providers.push(...(options.providers ?? []));
  const stun: IceServer[] =
    options.stunUrls === false ? [] : (options.stunUrls ?? [DEFAULT_STUN_URL]).map((urls) => ({ urls }));
  const iceCandidatePoolSize = options.iceCandidatePoolSize ?? 10;

  return {
    providers: providers.map((p) => p.name),
    async getConfig(userId) {
      for (const provider of providers) {
        try {
          const turn = await provider.getIceServers(userId);
          return { iceServers: [...stun, ...turn], iceCandidatePoolSize };
        } catch (error) {
          logger.warn({ err: error instanceof Error ? error.message : String(error), provider: provider.name }, 'TURN provider failed');
        }
      }
      if (providers.length > 0) logger.error({ providers: providers.map((p) => p.name) }, 'every TURN provider failed; answering STUN only');
      return { iceServers: [...stun], iceCandidatePoolSize };
    },
  };
}
