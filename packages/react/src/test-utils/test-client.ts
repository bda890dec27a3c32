import type {
  ChatMessage,
  MediaSource,
  MeetingClient,
  MeetingEventHandler,
  MeetingEventName,
  MeetingEvents,
  MeetingSnapshot,
  Participant,
} from '@mentara/meetings-core';

/**
 * A scriptable in-memory `MeetingClient` for the React tests: state changes are applied by the
 * test (`addRemote`, `updateRemote`, `set`), and every call is counted. It keeps the same
 * invariants as the real client: an immutable snapshot, derived lists recomputed on change,
 * unchanged participants keep their identity.
 */
export interface TestClient extends MeetingClient {
  calls: { join: number; leave: number; destroy: number; startAudio: number };
  set(patch: Partial<MeetingSnapshot>): void;
  addRemote(displayName: string, patch?: Partial<Participant>): Participant;
  updateRemote(id: string, patch: Partial<Participant>): void;
  removeRemote(id: string): void;
  receiveChat(from: string, text: string): void;
  /** Make the next toggle of `source` fail with this error. */
  failNext(source: MediaSource, error: Error): void;
}

const OFF = { enabled: false, pending: false, error: null };

function initial(): MeetingSnapshot {
  return {
    connection: 'idle',
    meetingId: null,
    meeting: null,
    localParticipant: null,
    remotes: {},
    participants: [],
    remoteParticipants: [],
    participantCount: 0,
    chat: [],
    activeSpeakerId: null,
    media: { camera: OFF, microphone: OFF, screen: OFF },
    devices: {
      cameras: [{ deviceId: 'cam-1', groupId: 'g1', kind: 'videoinput', label: 'Front camera' }],
      microphones: [{ deviceId: 'mic-1', groupId: 'g1', kind: 'audioinput', label: 'Built-in microphone' }],
      speakers: [],
      selectedCameraId: 'cam-1',
      selectedMicrophoneId: 'mic-1',
      selectedSpeakerId: null,
      canSelectSpeaker: false,
    },
    audioPlaybackBlocked: false,
    localStream: null,
    localScreenStream: null,
    error: null,
    limits: null,
  };
}

function participant(id: string, displayName: string, isLocal: boolean, joinedAt: number): Participant {
  return {
    id,
    userId: `user-${id}`,
    displayName,
    role: 'participant',
    media: { audio: true, video: true, screen: false },
    ready: true,
    joinedAt,
    isLocal,
    peerState: 'connected',
    quality: 'good',
    stats: null,
    audioLevel: 0,
    isSpeaking: false,
    stream: null,
    screenStream: null,
  };
}

/** Create a `TestClient`, optionally already joined with `remotes` named participants. */
export function createTestClient(
  options: {
    joined?: boolean;
    remotes?: string[];
    /** Media for participants (stories pass synthetic canvas streams; tests leave it out). */
    makeStream?: (displayName: string) => MediaStream | null;
  } = {},
): TestClient {
  const makeStream = options.makeStream ?? (() => null);
  let snapshot = initial();
  let clock = 1_000;
  const listeners = new Set<(s: MeetingSnapshot, p: MeetingSnapshot) => void>();
  const handlers = new Map<MeetingEventName, Set<(payload: never) => void>>();
  const failures = new Map<MediaSource, Error>();
  const calls = { join: 0, leave: 0, destroy: 0, startAudio: 0 };

  function commit(next: MeetingSnapshot): void {
    const prev = snapshot;
    if (next.remotes !== prev.remotes || next.localParticipant !== prev.localParticipant) {
      const remoteParticipants = Object.values(next.remotes).sort((a, b) => a.joinedAt - b.joinedAt);
      const participants = next.localParticipant ? [next.localParticipant, ...remoteParticipants] : remoteParticipants;
      next = { ...next, remoteParticipants, participants, participantCount: participants.length };
    }
    snapshot = next;
    for (const listener of [...listeners]) listener(next, prev);
  }

  function emit<E extends MeetingEventName>(event: E, payload: MeetingEvents[E]): void {
    for (const handler of [...(handlers.get(event) ?? [])]) (handler as MeetingEventHandler<E>)(payload);
  }

  function toggle(source: MediaSource) {
    const set = async (enabled: boolean) => {
      const failure = failures.get(source);
      commit({ ...snapshot, media: { ...snapshot.media, [source]: { ...snapshot.media[source], pending: true } } });
      await Promise.resolve();
      if (failure) {
        failures.delete(source);
        const error = failure as never;
        commit({ ...snapshot, error, media: { ...snapshot.media, [source]: { enabled: false, pending: false, error } } });
        throw failure;
      }
      const media = { ...snapshot.media, [source]: { enabled, pending: false, error: null } };
      const local = snapshot.localParticipant;
      const key = source === 'camera' ? 'video' : source === 'microphone' ? 'audio' : 'screen';
      const localStream = snapshot.localStream ?? (source === 'screen' ? null : makeStream('Sam'));
      const localScreenStream = source === 'screen' ? (enabled ? makeStream('Screen') : null) : snapshot.localScreenStream;
      commit({
        ...snapshot,
        media,
        localStream,
        localScreenStream,
        localParticipant: local
          ? { ...local, media: { ...local.media, [key]: enabled }, stream: localStream, screenStream: localScreenStream }
          : null,
      });
    };
    return {
      enable: () => set(true),
      disable: () => set(false),
      toggle: () => set(!snapshot.media[source].enabled),
    };
  }

  const client: TestClient = {
    calls,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async join(meetingId = 'meeting-1') {
      calls.join += 1;
      commit({ ...snapshot, connection: 'connecting' });
      await Promise.resolve();
      const self = participant('local', 'Sam', true, clock++);
      self.stream = snapshot.localStream;
      self.media = {
        audio: snapshot.media.microphone.enabled,
        video: snapshot.media.camera.enabled,
        screen: false,
      };
      commit({
        ...snapshot,
        connection: 'connected',
        meetingId,
        meeting: { meetingId, status: 'active', locked: false },
        localParticipant: self,
        limits: { maxParticipants: 6, maxChatLength: 500, maxPayloadBytes: 65536, eventsPerSecond: 20 },
      });
      emit('joined', { meetingId, participantId: self.id, rejoined: false });
    },
    async leave() {
      calls.leave += 1;
      commit({ ...snapshot, connection: 'disconnected', localParticipant: null, remotes: {} });
    },
    destroy() {
      calls.destroy += 1;
      listeners.clear();
      handlers.clear();
    },
    camera: toggle('camera'),
    microphone: toggle('microphone'),
    screen: toggle('screen'),
    devices: {
      async refresh() {},
      async select(kind, deviceId) {
        const key = kind === 'camera' ? 'selectedCameraId' : kind === 'microphone' ? 'selectedMicrophoneId' : 'selectedSpeakerId';
        commit({ ...snapshot, devices: { ...snapshot.devices, [key]: deviceId } });
      },
    },
    chat: {
      async send(text) {
        const local = snapshot.localParticipant;
        if (!local) throw new Error('not joined');
        const message: ChatMessage = {
          id: `m${clock++}`,
          meetingId: snapshot.meetingId ?? 'meeting-1',
          from: local.id,
          fromName: local.displayName,
          text,
          sentAt: clock,
        };
        commit({ ...snapshot, chat: [...snapshot.chat, message] });
        emit('chat-message', { message });
        return message;
      },
    },
    playback: {
      attach(element) {
        const playing = element.play?.();
        if (playing && typeof playing.catch === 'function') playing.catch(() => undefined);
        return () => undefined;
      },
    },
    async setReady() {},
    async startAudio() {
      calls.startAudio += 1;
      commit({ ...snapshot, audioPlaybackBlocked: false });
    },
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as (payload: never) => void);
      return () => void set.delete(handler as (payload: never) => void);
    },
    set(patch) {
      commit({ ...snapshot, ...patch });
    },
    addRemote(displayName, patch = {}) {
      const id = `p${clock}`;
      const p = { ...participant(id, displayName, false, clock++), stream: makeStream(displayName), ...patch };
      commit({ ...snapshot, remotes: { ...snapshot.remotes, [id]: p } });
      emit('participant-joined', { participant: p });
      return p;
    },
    updateRemote(id, patch) {
      const current = snapshot.remotes[id];
      if (!current) throw new Error(`no participant ${id}`);
      commit({ ...snapshot, remotes: { ...snapshot.remotes, [id]: { ...current, ...patch } } });
    },
    removeRemote(id) {
      const { [id]: _removed, ...rest } = snapshot.remotes;
      emit('participant-left', { participantId: id, reason: 'left' });
      commit({ ...snapshot, remotes: rest });
    },
    receiveChat(from, text) {
      const sender = snapshot.remotes[from];
      const message: ChatMessage = {
        id: `m${clock++}`,
        meetingId: snapshot.meetingId ?? 'meeting-1',
        from,
        fromName: sender?.displayName ?? 'Someone',
        text,
        sentAt: clock,
      };
      commit({ ...snapshot, chat: [...snapshot.chat, message] });
      emit('chat-message', { message });
    },
    failNext(source, error) {
      failures.set(source, error);
    },
  };

  if (options.joined) {
    const self = participant('local', 'Sam', true, clock++);
    self.stream = makeStream('Sam');
    snapshot = {
      ...snapshot,
      localStream: self.stream,
      connection: 'connected',
      meetingId: 'meeting-1',
      meeting: { meetingId: 'meeting-1', status: 'active', locked: false },
      localParticipant: self,
      participants: [self],
      participantCount: 1,
      media: { camera: { ...OFF, enabled: true }, microphone: { ...OFF, enabled: true }, screen: OFF },
      limits: { maxParticipants: 6, maxChatLength: 500, maxPayloadBytes: 65536, eventsPerSecond: 20 },
    };
  }
  for (const name of options.remotes ?? []) client.addRemote(name);
  return client;
}
