import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { MeetingError, type MeetingErrorCode } from '../errors/meeting-error';
import type { PeerMesh } from '../peers/mesh';
import type { MediaState, MeetingJoinedPayload, TrackSource } from '../protocol/types';
import { createSignallingChannel, fromProtocolError, type ChannelStatus, type SignallingChannel } from '../signalling/channel';
import { decodeCandidate, decodeDescription, decodeSignal, emitSignal } from '../signalling/signal-codec';
import type { MeetingAction } from '../state/actions';
import type { ConnectionState, MeetingSnapshot } from '../state/types';
import type { Backoff } from '../util/backoff';
import { createTimerGroup } from '../util/timers';
import { createRoomEventGate } from './room-event-gate';

/** Errors that a successful (re)join resolves. */
const CONNECTION_ERRORS = new Set<MeetingErrorCode>(['signalling-unreachable', 'join-timeout', 'rate-limited', 'internal']);

/** Options of `createMembership`. */
export interface MembershipOptions {
  serverUrl: string;
  getToken: () => Promise<string | undefined>;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** Socket.IO's own reconnection of the transport. */
  socketBackoff: { attempts: number; delayMs: number; maxDelayMs: number };
  /** Rejoining the meeting after the transport is back, when the server refused for a while. */
  rejoinBackoff: Backoff;
  joinTimeoutMs: number;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  mesh: PeerMesh;
  /** Current local media, sent with every (re)join. */
  localMedia: () => MediaState;
  reportError: (error: MeetingError) => void;
  /** Handshake fields besides the token (display name, anonymous user id). */
  handshake: () => Record<string, string>;
  /** Name shown to others in this meeting (the server may take it from the token instead). */
  displayName: string | undefined;
}

/**
 * One meeting membership: the signalling channel, join and rejoin, the room's events into the
 * store, and the mesh's signals out through the channel while it lasts.
 */
export interface Membership {
  readonly channel: SignallingChannel;
  join(meetingId: string): Promise<MeetingJoinedPayload>;
  announceMedia(source: TrackSource, enabled: boolean): void;
  /** After signalling gave up (`failed`): try again now, e.g. when the browser is back online. */
  retry(): void;
  leave(): Promise<void>;
  /** Close without telling the server (destroy). */
  close(): void;
}

/**
 * Create a membership. After a socket drop Socket.IO reconnects and the membership rejoins with
 * `previousParticipantId`, so the server replaces the stale participant; peers whose ids are
 * unchanged are kept, chat is merged by id.
 */
export function createMembership(s: MembershipOptions): Membership {
  const { dispatch, mesh } = s;
  const timers = createTimerGroup();
  const gate = createRoomEventGate();
  const offs: Array<() => void> = [];
  let meetingId: string | null = null;
  let selfId: string | null = null;
  let closed = false;
  let rejoinAttempt = 0;

  const setConnection = (state: ConnectionState) => dispatch({ type: 'connection', state });

  const channel = createSignallingChannel({
    serverUrl: s.serverUrl,
    getToken: s.getToken,
    handshake: s.handshake,
    reconnection: s.socketBackoff,
    ...(s.socketOptions ? { socketOptions: s.socketOptions } : {}),
    onStatus,
  });
  offs.push(mesh.attachSink((to, connectionId, signal) => emitSignal(channel, to, connectionId, signal)));

  function onStatus(status: ChannelStatus, error?: MeetingError) {
    if (closed || !selfId) return;
    if (status === 'connected') void rejoin();
    else if (status === 'reconnecting') setConnection('reconnecting');
    else {
      if (error) s.reportError(error);
      setConnection(status);
    }
  }

  function applyJoined(payload: MeetingJoinedPayload, rejoined: boolean) {
    selfId = payload.self.id;
    channel.setRateLimit(payload.limits.eventsPerSecond);
    mesh.setLocalId(selfId);
    dispatch({ type: 'joined', payload, rejoined });
    mesh.sync(payload.participants.map((p) => p.id).filter((id) => id !== selfId));
    // Connection trouble is over once we are in again (other errors stay until they resolve).
    const error = s.getState().error;
    if (error && CONNECTION_ERRORS.has(error.code)) dispatch({ type: 'error', error: null });
    setConnection('connected');
  }

  const displayName = () => (s.displayName ? { displayName: s.displayName } : {});

  async function rejoin() {
    if (closed || !meetingId || !selfId) return;
    setConnection('reconnecting');
    gate.hold();
    try {
      const payload = await channel.request(
        'join-meeting',
        { meetingId, media: s.localMedia(), previousParticipantId: selfId, ...displayName() },
        s.joinTimeoutMs,
      );
      if (closed) return;
      rejoinAttempt = 0;
      applyJoined(payload, true);
      gate.release(true);
    } catch (error) {
      gate.release(false);
      if (closed) return;
      const e = error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error });
      if (e.recoverable && ++rejoinAttempt <= s.rejoinBackoff.maxAttempts) {
        timers.after(s.rejoinBackoff.delay(rejoinAttempt), () => {
          if (channel.connected) void rejoin();
        });
        return;
      }
      mesh.closeAll();
      // Refused for good (ended, or no longer allowed): later reconnects must not try again.
      if (e.code === 'meeting-ended' || e.code === 'meeting-not-found') selfId = null;
      // The error first: whoever sees `failed` can read why.
      s.reportError(e);
      setConnection('failed');
    }
  }

  /** Room events into the store (held behind an in-flight join answer by the gate). */
  function listen() {
    const on = channel.on.bind(channel);
    offs.push(
      on('participant-joined', gate.wrap(({ participant }) => {
        if (participant.id === selfId) return;
        dispatch({ type: 'participant-joined', participant });
        mesh.add(participant.id);
      })),
      on('participant-left', gate.wrap(({ participantId, reason }) => {
        mesh.remove(participantId);
        dispatch({ type: 'participant-left', participantId, reason });
      })),
      on('participant-media-changed', gate.wrap(({ participantId, media }) => {
        dispatch({ type: 'participant-media', participantId, media });
        if (!media.screen) dispatch({ type: 'peer-stream', participantId, source: 'screen', stream: null });
      })),
      on('participant-ready', gate.wrap(({ participantId, ready }) => dispatch({ type: 'participant-ready', participantId, ready }))),
      on('meeting-started', gate.wrap((payload) => dispatch({ type: 'meeting-started', payload }))),
      on('meeting-ended', gate.wrap((payload) => {
        dispatch({ type: 'meeting-ended', payload });
        // Over for good: no rejoin after a later socket drop.
        selfId = null;
        mesh.closeAll();
        setConnection('disconnected');
      })),
      on('chat-message', gate.wrap((message) => dispatch({ type: 'chat', messages: [message] }))),
      on('webrtc-offer', gate.wrap((e) => mesh.handleSignal(decodeDescription(e)))),
      on('webrtc-answer', gate.wrap((e) => mesh.handleSignal(decodeDescription(e)))),
      on('webrtc-ice-candidate', gate.wrap((e) => mesh.handleSignal(decodeCandidate(e)))),
      on('webrtc-signal', gate.wrap((e) => mesh.handleSignal(decodeSignal(e)))),
      on('webrtc-error', (e) => {
        // A signal racing a participant's departure is expected churn, not an error to show.
        if (e.code === 'participant-not-found' && e.event?.startsWith('webrtc-')) return;
        s.reportError(fromProtocolError(e));
      }),
    );
  }

  return {
    channel,
    async join(id) {
      if (closed) throw new MeetingError('destroyed');
      meetingId = id;
      setConnection('connecting');
      listen();
      const deadline = Date.now() + s.joinTimeoutMs;
      try {
        await channel.connect(s.joinTimeoutMs);
        gate.hold();
        const payload = await channel.request(
          'join-meeting',
          { meetingId: id, media: s.localMedia(), ...displayName() },
          Math.max(1_000, deadline - Date.now()),
        );
        if (closed) throw new MeetingError('invalid-state', 'The client left while joining');
        applyJoined(payload, false);
        gate.release(true);
        return payload;
      } catch (error) {
        gate.release(false);
        const e = error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error });
        if (!closed) {
          s.reportError(e);
          setConnection('failed');
        }
        throw e;
      }
    },
    retry() {
      if (closed || !selfId || channel.connected || s.getState().connection !== 'failed') return;
      rejoinAttempt = 0;
      setConnection('reconnecting');
      channel.reconnect();
    },
    announceMedia(source, enabled) {
      if (selfId && channel.connected) channel.send('toggle-media', { source, enabled });
    },
    async leave() {
      if (closed) return;
      if (selfId && channel.connected) {
        await channel.request('leave-meeting', meetingId ? { meetingId } : {}, 2_000).catch(() => undefined);
      }
      this.close();
    },
    close() {
      if (closed) return;
      closed = true;
      timers.clear();
      offs.splice(0).forEach((off) => off());
      mesh.closeAll();
      mesh.setLocalId(null);
      channel.close();
    },
  };
}
