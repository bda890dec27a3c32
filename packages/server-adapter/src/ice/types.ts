/** One entry of `RTCConfiguration.iceServers`, as sent to browsers. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** A TURN credential source (Twilio, Xirsys, coturn). */
export interface IceProvider {
  /** Short name for logs: `twilio`, `xirsys`, `coturn-secret`, `coturn-static`, `xirsys-static`. */
  readonly name: string;
  /** TURN servers with credentials for this user; throws when the provider cannot answer. */
  getIceServers(userId: string): Promise<IceServer[]>;
}

/** The `fetch` the HTTP-based providers use (injectable so tests can point at a local server). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The default public STUN server, used unless STUN is configured or turned off. */
export const DEFAULT_STUN_URL = 'stun:stun.l.google.com:19302';
