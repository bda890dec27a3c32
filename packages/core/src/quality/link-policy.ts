import type { LinkSample } from './link-sample';
import {
  LIVENESS_DEFAULTS, initialLivenessState, livenessTransition, type IceState, type LivenessConfig, type LivenessMachineState, type LivenessState,
} from './link-liveness.machine';
import {
  RECEIVE_REQUEST_DEFAULTS, initialReceiveState, receiveRequestTransition, requestedLevel, type ReceiveRequestConfig,
  type ReceiveRequestMachineState, type ReceiveRequestState,
} from './receive-request.machine';
import { SEND_POLICY_DEFAULTS, type SendPolicyConfig } from './send-policy.config';
import { initialSendState, sendDecision, sendPolicyTransition, type SendDecision, type SendPolicyState } from './send-policy.machine';
import type { VideoLevel } from './video-levels';

/** A calm, hysteresis-filtered quality of one connection, for people (no flapping bars). */
export type LinkQuality = 'good' | 'fair' | 'poor' | 'lost';

/** Everything the policy decides for one connection. */
export interface LinkDecision {
  /** What to send: video level, the camera encoding to apply, and why. */
  send: SendDecision;
  /** What to ask the peer for (send `request` over the data channel whenever it changes). */
  receive: ReceiveRequestState;
  request: VideoLevel;
  /** `congested`: ICE dropped but bytes still arrive — the peer link must not tear the connection down. */
  liveness: LivenessState;
  quality: LinkQuality;
}

/** Options of {@link createLinkPolicy}. */
export interface LinkPolicyOptions {
  /** Level before the first samples. @default 'medium' */
  initialLevel?: VideoLevel;
  /** Remote peers in the mesh (the per-connection ceiling shrinks as it grows). @default 1 */
  remotePeers?: number;
  send?: Partial<SendPolicyConfig>;
  receive?: Partial<ReceiveRequestConfig>;
  liveness?: Partial<LivenessConfig>;
}

/** The link policy of one peer connection: feed it samples and events, read its decision. */
export interface LinkPolicy {
  /** A `getStats` window of this connection (see `parseStats(...).link`). */
  sample(sample: LinkSample): LinkDecision;
  /** The remote receiver's request (`'high'` lifts it). */
  peerRequest(maxLevel: VideoLevel, at: number): LinkDecision;
  /** The connection's ICE state changed. */
  ice(state: IceState, at: number): LinkDecision;
  setRemotePeers(count: number): LinkDecision;
  decision(): LinkDecision;
}

function qualityOf(send: SendPolicyState, receive: ReceiveRequestMachineState, liveness: LivenessState): LinkQuality {
  if (liveness === 'silent') return 'lost';
  if (liveness === 'congested' || send.level === 'paused' || receive.state === 'audio-only') return 'poor';
  if (send.level === 'low' || receive.state === 'reduced') return 'fair';
  return 'good';
}

/**
 * Compose the three machines of one connection — send level, receive request, liveness — into
 * one decision. Pure apart from holding the current states: time comes in with every input.
 *
 * @example
 * const policy = createLinkPolicy({ remotePeers: 1 });
 * const { send, request, liveness } = policy.sample(parseStats(report, previous, Date.now()).link);
 */
export function createLinkPolicy(options: LinkPolicyOptions = {}): LinkPolicy {
  const sendConfig = { ...SEND_POLICY_DEFAULTS, ...options.send };
  const receiveConfig = { ...RECEIVE_REQUEST_DEFAULTS, ...options.receive };
  const livenessConfig = { ...LIVENESS_DEFAULTS, ...options.liveness };
  let remotePeers = options.remotePeers ?? 1;
  let send = initialSendState(options.initialLevel, sendConfig);
  let receive = initialReceiveState();
  let liveness: LivenessMachineState = initialLivenessState();
  let previous: LinkDecision | null = null;

  function build(): LinkDecision {
    const decided = sendDecision(send, remotePeers);
    // Keep the previous object when nothing changed, so callers can compare by reference.
    const next: LinkDecision = {
      send: decided,
      receive: receive.state,
      request: requestedLevel(receive.state),
      liveness: liveness.state,
      quality: qualityOf(send, receive, liveness.state),
    };
    previous = previous && sameDecision(previous, next) ? previous : next;
    return previous;
  }

  return {
    sample(sample) {
      send = sendPolicyTransition(send, { type: 'SAMPLE', sample }, sendConfig);
      receive = receiveRequestTransition(receive, { type: 'SAMPLE', sample }, receiveConfig);
      liveness = livenessTransition(liveness, { type: 'SAMPLE', at: sample.at, bytesReceived: sample.bytesReceived }, livenessConfig);
      return build();
    },
    peerRequest(maxLevel, at) {
      send = sendPolicyTransition(send, { type: 'PEER_REQUEST', maxLevel, at }, sendConfig);
      return build();
    },
    ice(state, at) {
      liveness = livenessTransition(liveness, { type: 'ICE', state, at }, livenessConfig);
      return build();
    },
    setRemotePeers(count) {
      remotePeers = count;
      return build();
    },
    decision: () => previous ?? build(),
  };
}

/** Two decisions that would apply the same thing. */
export function sameDecision(a: LinkDecision, b: LinkDecision): boolean {
  const e = a.send.encoding;
  const f = b.send.encoding;
  return (
    a.send.level === b.send.level && a.send.reason === b.send.reason && e.active === f.active && e.maxBitrate === f.maxBitrate &&
    e.scaleResolutionDownBy === f.scaleResolutionDownBy && e.maxFramerate === f.maxFramerate && a.receive === b.receive &&
    a.liveness === b.liveness && a.quality === b.quality
  );
}
