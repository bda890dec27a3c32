import { MeetingError, type MeetingErrorCode } from '../errors/meeting-error';
import type { PeerMesh } from '../peers/mesh';
import type { JoinMeetingResult, MediaState, MeetingJoinedPayload, TrackSource } from '../protocol/types';
import type { ChannelStatus, SignallingChannel } from '../signalling/channel';
import { emitSignal } from '../signalling/signal-codec';
import type { MeetingAction } from '../state/actions';
import type { ConnectionState, MeetingSnapshot } from '../state/types';
import type { Backoff } from '../util/backoff';
import { createTimerGroup } from '../util/timers';
import { createReadiness } from './readiness';
import { createRoomEventGate } from './room-event-gate';
import { listenToRoom } from './room-events';

/** Errors that a successful (re)join resolves. */
const CONNECTION_ERRORS = new Set<MeetingErrorCode>(['signalling-unreachable', 'join-timeout', 'rate-limited', 'internal', 'server-busy', 'token-expired']);

/** Refusals that end the membership for good: later reconnects must not try again. */
const FINAL_REFUSALS = new Set<MeetingErrorCode>(['meeting-ended', 'meeting-not-found', 'removed-from-meeting', 'admission-denied']);

/** Options of `createMembership`. */
export interface MembershipOptions {
  /** The signalling channel, possibly already connected (`client.prepare()`); the membership closes it. */
  channel: SignallingChannel;
  /** Rejoining the meeting after the transport is back, when the server refused for a while. */
  rejoinBackoff: Backoff;
  joinTimeoutMs: number;
  getState: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  mesh: PeerMesh;
  /** Current local media, sent with every (re)join. */
  localMedia: () => MediaState;
  reportError: (error: MeetingError) => void;
  /** Name shown to others in this meeting (the server may take it from the token instead). */
  displayName: string | undefined;
  /** A host asked this participant to turn a source off (the client does it and says why). */
  onMuteRequested: (source: 'microphone' | 'camera') => void;
  /** In the meeting (first join, admission from the waiting room, or rejoin). */
  onJoined: (payload: MeetingJoinedPayload) => void;
}

/**
 * One meeting membership: the signalling channel, join and rejoin, the room's events into the
 * store, and the mesh's signals out through the channel while it lasts.
 */
export interface Membership {
  readonly channel: SignallingChannel;
  /** Resolves with the server's answer: in the meeting, or in its waiting room. */
  join(meetingId: string): Promise<JoinMeetingResult>;
  /**
   * Publish a media change (`toggle-media`) while admitted. Waiting to be let in or rejoining,
   * nothing is sent (the server would answer `not-admitted`): `onJoined` publishes what changed.
   */
  announceMedia(source: TrackSource, enabled: boolean): void;
  /** Publish readiness (`participant-ready`); chosen while waiting, it is published on admission. */
  setReady(ready: boolean): Promise<void>;
  /** After signalling gave up (`failed`): try again now, e.g. when the browser is back online. */
  retry(): void;
  leave(): Promise<void>;
  /** Close without telling the server (destroy). */
  close(): void;
}

/**
 * Create a membership. After a socket drop Socket.IO reconnects and the membership rejoins with
 * `previousParticipantId`, so the server replaces the stale participant; peers whose ids are
 * unchanged are kept, chat is merged by id. The rejoin carries the last join's `rejoinTicket`, so
 * a server that restarted and lost the meeting lets us back in with the same id.
 */
export function createMembership(s: MembershipOptions): Membership {
  const { dispatch, mesh } = s;
  const timers = createTimerGroup();
  const gate = createRoomEventGate();
  const offs: Array<() => void> = [];
  let meetingId: string | null = null;
  let selfId: string | null = null;
  /** In the meeting room by the server's last answer: only then may we publish media state or readiness. */
  let admitted = false;
  /** The server's proof of our last admission: after a server restart it gives our id back. */
  let rejoinTicket: string | undefined;
  let closed = false;
  let rejoinAttempt = 0;

  const setConnection = (state: ConnectionState) => dispatch({ type: 'connection', state });

  const { channel } = s;
  offs.push(channel.onStatus(onStatus), mesh.attachSink(sendSignal));
  const phase = () => (admitted ? 'admitted' : selfId ? 'waiting' : 'out');
  const readiness = createReadiness({ channel, dispatch, reportError: s.reportError, phase, selfId: () => (admitted ? selfId : null) });

  /** A signal too large for the server is not sent; the error says so instead of a silent stall. */
  function sendSignal(to: string, connectionId: string, signal: Parameters<typeof emitSignal>[3]) {
    try {
      emitSignal(channel, to, connectionId, signal);
    } catch (error) {
      if (!(error instanceof MeetingError)) throw error;
      s.reportError(error);
    }
  }

  function onStatus(status: ChannelStatus, error?: MeetingError) {
    if (closed || !selfId) return;
    if (status === 'connected') void rejoin();
    else if (status === 'reconnecting') {
      // The server closed the connection over an event's size: say so, not just "reconnecting".
      if (error?.code === 'payload-too-large') s.reportError(error);
      setConnection('reconnecting');
    }
    else {
      if (error) s.reportError(error);
      setConnection(status);
    }
  }

  /** Connection trouble is over once the server answers again (other errors stay until they resolve). */
  function clearConnectionErrors() {
    const error = s.getState().error;
    if (error && CONNECTION_ERRORS.has(error.code)) dispatch({ type: 'error', error: null });
  }

  function applyJoined(payload: MeetingJoinedPayload, rejoined: boolean) {
    selfId = payload.self.id;
    rejoinTicket = payload.rejoinTicket;
    channel.setRateLimit(payload.limits.eventsPerSecond);
    mesh.setLocalId(selfId);
    dispatch({ type: 'joined', payload, rejoined, receivedAt: Date.now() });
    mesh.sync(payload.participants.map((p) => p.id).filter((id) => id !== selfId));
    clearConnectionErrors();
    setConnection('connected');
    admitted = true;
    readiness.admitted(payload.self.ready);
    s.onJoined(payload);
  }

  const displayName = () => (s.displayName ? { displayName: s.displayName } : {});

  /** The server's answer to a (re)join: in the meeting, or in its waiting room. */
  function applyAnswer(result: JoinMeetingResult, rejoined: boolean) {
    if (result.admission === 'admitted') {
      applyJoined(result, rejoined);
      return;
    }
    selfId = result.self.id;
    admitted = false;
    channel.setRateLimit(result.limits.eventsPerSecond);
    // Not in the room: no peers until a host lets us in.
    mesh.closeAll();
    mesh.setLocalId(null);
    dispatch({ type: 'waiting', payload: result, receivedAt: Date.now() });
    clearConnectionErrors();
    setConnection('connected');
  }

  async function rejoin() {
    if (closed || !meetingId || !selfId) return;
    // The new socket has no session until the answer: what changes meanwhile goes with the answer.
    admitted = false;
    setConnection('reconnecting');
    gate.hold();
    try {
      const result = await channel.request(
        'join-meeting',
        { meetingId, media: s.localMedia(), previousParticipantId: selfId, ...(rejoinTicket ? { rejoinTicket } : {}), ...displayName() },
        s.joinTimeoutMs,
      );
      if (closed) return;
      rejoinAttempt = 0;
      applyAnswer(result, true);
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
      if (FINAL_REFUSALS.has(e.code)) selfId = null;
      if (e.code === 'removed-from-meeting' || e.code === 'admission-denied') {
        dispatch({ type: 'admission', admission: e.code === 'removed-from-meeting' ? 'removed' : 'denied' });
      }
      // The error first: whoever sees `failed` can read why.
      s.reportError(e);
      setConnection('failed');
    }
  }

  /** Out for good: no rejoin after a later socket drop. */
  function out(why: 'ended' | 'denied' | 'removed') {
    selfId = null;
    admitted = false;
    mesh.closeAll();
    mesh.setLocalId(null);
    if (why !== 'ended') dispatch({ type: 'admission', admission: why });
    setConnection('disconnected');
  }

  function listen() {
    offs.push(
      ...listenToRoom({
        channel,
        gate,
        mesh,
        dispatch,
        reportError: s.reportError,
        selfId: () => selfId,
        onAdmitted: (payload) => applyJoined(payload, false),
        onOut: out,
        onMuteRequested: s.onMuteRequested,
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
        applyAnswer(payload, false);
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
      if (admitted && channel.connected) channel.send('toggle-media', { source, enabled });
    },
    setReady: (ready) => readiness.set(ready),
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
