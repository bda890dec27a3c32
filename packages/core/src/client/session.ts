import { MeetingError, type MeetingErrorCode } from '../errors/meeting-error';
import type { MediaKind, MediaState, MeetingJoinedPayload } from '../protocol/types';
import type { PeerMesh } from '../peers/mesh';
import { decodeCandidate, decodeDescription, decodeSignal, encodeSignal } from '../signalling/signal-codec';
import { createSignallingChannel, fromProtocolError, type ChannelStatus, type SignallingChannel } from '../signalling/channel';
import type { MeetingAction } from '../state/actions';
import type { ConnectionState, MeetingSnapshot } from '../state/types';
import type { MeetingEmitter } from './emitter';
import type { ResolvedOptions } from './options';
import { createTimerGroup } from './timers';

/** Errors that a successful (re)join resolves. */
const CONNECTION_ERRORS = new Set<MeetingErrorCode>(['signalling-unreachable', 'join-timeout', 'rate-limited', 'internal']);

/** Options of `createSession`. */
export interface SessionOptions {
  options: ResolvedOptions;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  emitter: MeetingEmitter;
  mesh: PeerMesh;
  /** Current local media, sent with every (re)join. */
  localMedia: () => MediaState;
  reportError: (error: MeetingError) => void;
  /** Handshake fields besides the token (display name, anonymous user id). */
  handshake: () => Record<string, string>;
  /** Name shown to others in this meeting (the server may take it from the token instead). */
  displayName: string | undefined;
}

/** One meeting membership: the signalling channel, join/rejoin and the server events. */
export interface Session {
  readonly channel: SignallingChannel;
  join(meetingId: string): Promise<MeetingJoinedPayload>;
  announceMedia(kind: MediaKind, enabled: boolean): void;
  /** After signalling gave up (`failed`): try again now, e.g. when the browser is back online. */
  retry(): void;
  leave(): Promise<void>;
  /** Close without telling the server (destroy). */
  close(): void;
}

/**
 * Create a session. After a socket drop Socket.IO reconnects and the session rejoins with
 * `previousParticipantId`, so the server replaces the stale participant; peers whose ids are
 * unchanged are kept, chat is merged by id.
 */
export function createSession(s: SessionOptions): Session {
  const { options: o, dispatch, emitter, mesh } = s;
  const timers = createTimerGroup();
  const offs: Array<() => void> = [];
  let meetingId: string | null = null;
  let selfId: string | null = null;
  let closed = false;
  let rejoinAttempt = 0;
  /**
   * Room events that arrive while a `join-meeting` answer is on its way. The server reads the
   * roster after adding us to the room, so such events are newer than the roster in the answer:
   * they are applied after it, in order, instead of being overwritten by it.
   */
  let held: Array<() => void> | null = null;
  const holdWhileJoining = () => {
    held = [];
  };
  const release = (apply: boolean) => {
    const queued = held ?? [];
    held = null;
    if (apply) for (const run of queued) run();
  };
  /** Wraps a room-event handler so it waits behind an in-flight join answer. */
  const roomEvent =
    <T,>(handler: (payload: T) => void) =>
    (payload: T) => {
      if (held) held.push(() => handler(payload));
      else handler(payload);
    };

  const setConnection = (state: ConnectionState) => {
    const previous = s.getState().connection;
    if (previous === state) return;
    dispatch({ type: 'connection', state });
    emitter.emit('connection-changed', { state, previous });
  };

  const channel = createSignallingChannel({
    serverUrl: o.raw.serverUrl,
    getToken: o.getToken,
    handshake: s.handshake,
    reconnection: o.socketBackoff,
    ...(o.raw.socketOptions ? { socketOptions: o.raw.socketOptions } : {}),
    onStatus,
  });

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
    dispatch({ type: 'joined', payload });
    mesh.sync(payload.participants.map((p) => p.id).filter((id) => id !== selfId));
    // Connection trouble is over once we are in again (other errors stay until they resolve).
    const error = s.getState().error;
    if (error && CONNECTION_ERRORS.has(error.code)) dispatch({ type: 'error', error: null });
    setConnection('connected');
    emitter.emit('joined', { meetingId: payload.meeting.meetingId, participantId: selfId, rejoined });
  }

  async function rejoin() {
    if (closed || !meetingId || !selfId) return;
    setConnection('reconnecting');
    holdWhileJoining();
    try {
      const payload = await channel.request(
        'join-meeting',
        { meetingId, media: s.localMedia(), previousParticipantId: selfId, ...displayName() },
        o.joinTimeoutMs,
      );
      if (closed) return;
      rejoinAttempt = 0;
      applyJoined(payload, true);
      release(true);
    } catch (error) {
      release(false);
      if (closed) return;
      const e = error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error });
      if (e.recoverable && ++rejoinAttempt <= o.rejoinBackoff.maxAttempts) {
        timers.after(o.rejoinBackoff.delay(rejoinAttempt), () => {
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

  const displayName = () => (s.displayName ? { displayName: s.displayName } : {});

  function listen() {
    offs.push(
      channel.on('participant-joined', roomEvent(({ participant }) => {
        if (participant.id === selfId) return;
        // Already in the join answer's roster (an event that overtook the answer): no second "joined".
        const known = participant.id in s.getState().remotes;
        dispatch({ type: 'participant-joined', participant });
        mesh.add(participant.id);
        const p = s.getState().remotes[participant.id];
        if (p && !known) emitter.emit('participant-joined', { participant: p });
      })),
      channel.on('participant-left', roomEvent(({ participantId, reason }) => {
        mesh.remove(participantId);
        // Someone who left before the join answer was read was never in our roster.
        if (!(participantId in s.getState().remotes)) return;
        dispatch({ type: 'participant-left', participantId });
        emitter.emit('participant-left', { participantId, reason });
      })),
      channel.on('participant-media-changed', roomEvent(({ participantId, media }) => {
        dispatch({ type: 'participant-media', participantId, media });
        if (!media.screen) dispatch({ type: 'peer-stream', participantId, source: 'screen', stream: null });
        emitter.emit('participant-media-changed', { participantId, media });
      })),
      channel.on('participant-ready', roomEvent(({ participantId, ready }) => {
        dispatch({ type: 'participant-ready', participantId, ready });
        emitter.emit('participant-ready', { participantId, ready });
      })),
      channel.on('meeting-started', roomEvent((payload) => {
        dispatch({ type: 'meeting-started', payload });
        emitter.emit('meeting-started', payload);
      })),
      channel.on('meeting-ended', roomEvent((payload) => {
        dispatch({ type: 'meeting-ended', payload });
        // Over for good: no rejoin after a later socket drop.
        selfId = null;
        mesh.closeAll();
        emitter.emit('meeting-ended', payload);
        setConnection('disconnected');
      })),
      channel.on('chat-message', roomEvent((message) => {
        const before = s.getState().chat;
        dispatch({ type: 'chat', messages: [message] });
        if (s.getState().chat !== before) emitter.emit('chat-message', { message });
      })),
      channel.on('webrtc-offer', roomEvent((e) => mesh.handleSignal(decodeDescription(e)))),
      channel.on('webrtc-answer', roomEvent((e) => mesh.handleSignal(decodeDescription(e)))),
      channel.on('webrtc-ice-candidate', roomEvent((e) => mesh.handleSignal(decodeCandidate(e)))),
      channel.on('webrtc-signal', roomEvent((e) => mesh.handleSignal(decodeSignal(e)))),
      channel.on('webrtc-error', (e) => {
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
      const deadline = Date.now() + o.joinTimeoutMs;
      try {
        await channel.connect(o.joinTimeoutMs);
        holdWhileJoining();
        const payload = await channel.request(
          'join-meeting',
          { meetingId: id, media: s.localMedia(), ...displayName() },
          Math.max(1_000, deadline - Date.now()),
        );
        if (closed) throw new MeetingError('invalid-state', 'The client left while joining');
        applyJoined(payload, false);
        release(true);
        return payload;
      } catch (error) {
        release(false);
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
    announceMedia(kind, enabled) {
      if (selfId && channel.connected) channel.send('toggle-media', { kind, enabled });
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

/** Encode an outgoing simple-peer signal onto the channel (used by the mesh). */
export function sendSignalOver(channel: SignallingChannel, to: string, connectionId: string, signal: Parameters<typeof encodeSignal>[2]): void {
  const out = encodeSignal(to, connectionId, signal);
  channel.send(out.event, out.payload as never);
}
