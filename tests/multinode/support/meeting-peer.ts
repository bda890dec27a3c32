import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  Admission,
  ChatMessage,
  ClientToServerEvents,
  JoinMeetingResult,
  MediaState,
  MeetingEndedPayload,
  MeetingInfo,
  MeetingJoinedPayload,
  ParticipantInfo,
  ServerToClientEvents,
  TrackSource,
  WaitingParticipant,
} from '@mentara/meetings-core/protocol';
import { mergeChat } from '../../../packages/core/src/state/merge-chat';

type PeerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Options of {@link MeetingPeer.join}. */
export interface MeetingPeerOptions {
  /** Base URL of a node (or of a proxy in front of nodes). */
  url: string;
  token: string;
  meetingId: string;
  displayName: string;
  media?: MediaState;
  /** Reconnect and rejoin after a drop, like the core client. @default true */
  reconnect?: boolean;
  /** The first join is a rejoin of this earlier session (its id and rejoin ticket), as after a page reload. */
  resume?: { participantId: string; rejoinTicket: string };
}

/** One relayed signalling message as the receiver saw it. */
export interface ReceivedSignal {
  event: 'webrtc-signal' | 'webrtc-offer' | 'webrtc-answer' | 'webrtc-ice-candidate';
  from: string;
  payload: Record<string, unknown>;
}

/**
 * A protocol-level meeting client doing what the core client's session does on the wire:
 * WebSocket-only Socket.IO on `/meetings`, `join-meeting` with an acknowledgement, and on every
 * reconnect a rejoin with `previousParticipantId` (retried with backoff when it may succeed
 * later), replacing the roster with the fresh answer and merging its chat history (unique by id,
 * ordered by `sentAt`). One addition: roster events that arrive while a join is in flight are
 * applied after the answer's snapshot, not overwritten by it. Without that, two clients
 * rejoining at the same moment on a shared store can miss each other. A join may also land in
 * the waiting room (`admission: 'waiting'`); `meeting-joined` then lets it in.
 */
export class MeetingPeer {
  readonly socket: PeerSocket;
  readonly options: MeetingPeerOptions;
  self: ParticipantInfo | undefined;
  /** The rejoin ticket of the last join answer. */
  rejoinTicket: string | undefined;
  /** Who it is while it waits to be let in. */
  waitingSelf: WaitingParticipant | undefined;
  admission: Admission | undefined;
  meeting: MeetingInfo | undefined;
  /** Every server event it received, by name, in order (for proving what did not arrive). */
  readonly received: string[] = [];
  /** Hosts: the waiting list, as the server tells it. */
  readonly waitingList = new Map<string, WaitingParticipant>();
  /** Everyone else, by participant id. */
  readonly roster = new Map<string, ParticipantInfo>();
  chat: readonly ChatMessage[] = [];
  readonly signals: ReceivedSignal[] = [];
  started: { meetingId: string; startedAt: number } | undefined;
  ended: MeetingEndedPayload | undefined;
  /** Successful rejoins after a reconnect. */
  rejoins = 0;
  readonly errors: unknown[] = [];
  #joinedOnce = false;
  #held: Array<() => void> | undefined;

  private constructor(options: MeetingPeerOptions) {
    this.options = options;
    this.socket = io(`${options.url}/meetings`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: options.token },
      reconnection: options.reconnect ?? true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
      reconnectionAttempts: 50,
    });
    this.#listen();
  }

  /** Connects and joins; rejects with the server's error code when the join is refused. */
  static async join(options: MeetingPeerOptions): Promise<MeetingPeer> {
    const peer = new MeetingPeer(options);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connect timeout')), 10_000);
      peer.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await peer.#join();
    return peer;
  }

  get id(): string {
    const id = this.self?.id ?? this.waitingSelf?.id;
    if (!id) throw new Error('not joined');
    return id;
  }

  /** Sorted ids of everyone this client believes is in the meeting, itself included. */
  rosterIds(): string[] {
    return [...this.roster.keys(), ...(this.self ? [this.self.id] : [])].sort();
  }

  async #join(): Promise<void> {
    const resume = this.self ? undefined : this.options.resume;
    const previous = this.self?.id ?? resume?.participantId;
    // Room events that arrive while the join is in flight may be newer than the snapshot in the
    // answer: hold them and apply them after it (see #onRoomEvent).
    const held: Array<() => void> = [];
    this.#held = held;
    try {
      const result = (await this.#ack('join-meeting', {
        meetingId: this.options.meetingId,
        displayName: this.options.displayName,
        ...(this.options.media ? { media: this.options.media } : {}),
        ...(previous ? { previousParticipantId: previous } : {}),
        ...(resume ? { rejoinTicket: resume.rejoinTicket } : {}),
      })) as Ack<JoinMeetingResult>;
      if (!result.ok) {
        throw Object.assign(new Error(`join refused: ${result.error.code}`), { code: result.error.code, error: result.error });
      }
      if (result.data.admission === 'waiting') {
        this.admission = 'waiting';
        this.waitingSelf = result.data.self;
        this.meeting = result.data.meeting;
      } else {
        this.#applyJoined(result.data);
        for (const apply of held) apply();
      }
    } finally {
      if (this.#held === held) this.#held = undefined;
    }
    if (this.#joinedOnce) this.rejoins += 1;
    this.#joinedOnce = true;
  }

  /** Applies a roster change now, or after the snapshot of a join that is in flight. */
  #onRoomEvent(apply: () => void): void {
    if (this.#held) this.#held.push(apply);
    else apply();
  }

  /** Rejoins after a reconnect; like the core client, retries a failed rejoin a few times (backoff). */
  async #rejoin(): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      try {
        await this.#join();
        return;
      } catch (error) {
        // Only what may succeed later is retried: timeouts and recoverable refusals.
        const code = (error as { code?: string }).code;
        const retryable = code === undefined || code === 'rate-limited' || code === 'internal';
        if (!retryable || attempt === 5 || !this.socket.connected) {
          this.errors.push(error);
          return;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  #applyJoined(joined: MeetingJoinedPayload): void {
    this.admission = 'admitted';
    this.self = joined.self;
    this.rejoinTicket = joined.rejoinTicket;
    this.waitingList.clear();
    for (const w of joined.waiting ?? []) this.waitingList.set(w.id, w);
    this.meeting = joined.meeting;
    this.roster.clear();
    for (const p of joined.participants) this.roster.set(p.id, p);
    this.chat = mergeChat(this.chat, joined.chat);
  }

  #listen(): void {
    const s = this.socket;
    s.onAny((event: string) => this.received.push(event));
    s.on('meeting-joined', (payload) => this.#applyJoined(payload));
    s.on('meeting-updated', ({ meeting }) => {
      this.meeting = meeting;
    });
    s.on('meeting-locked', ({ locked }) => {
      if (this.meeting) this.meeting = { ...this.meeting, locked };
    });
    s.on('participant-waiting', ({ participant }) => this.waitingList.set(participant.id, participant));
    s.on('participant-admitted', ({ participantId }) => this.waitingList.delete(participantId));
    s.on('participant-denied', ({ participantId }) => {
      this.waitingList.delete(participantId);
      if (participantId === this.waitingSelf?.id) this.admission = 'denied';
    });
    s.on('participant-removed', ({ participantId }) => {
      if (participantId === this.self?.id) this.admission = 'removed';
    });
    s.on('connect', () => {
      if (!this.#joinedOnce || this.ended) return;
      void this.#rejoin();
    });
    s.on('participant-joined', ({ participant }) => this.#onRoomEvent(() => this.roster.set(participant.id, participant)));
    s.on('participant-left', ({ participantId }) => {
      this.waitingList.delete(participantId);
      this.#onRoomEvent(() => this.roster.delete(participantId));
    });
    s.on('participant-media-changed', ({ participantId, media }) =>
      this.#onRoomEvent(() => {
        const p = this.roster.get(participantId);
        if (p) this.roster.set(participantId, { ...p, media });
      }),
    );
    s.on('participant-ready', ({ participantId, ready }) =>
      this.#onRoomEvent(() => {
        const p = this.roster.get(participantId);
        if (p) this.roster.set(participantId, { ...p, ready });
      }),
    );
    s.on('chat-message', (message) => {
      this.chat = mergeChat(this.chat, [message]);
    });
    s.on('meeting-started', (payload) => {
      this.started = payload;
    });
    s.on('meeting-ended', (payload) => {
      this.ended = payload;
      this.roster.clear();
    });
    s.on('webrtc-error', (error) => this.errors.push(error));
    for (const event of ['webrtc-signal', 'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate'] as const) {
      s.on(event, (payload: { from: string }) => this.signals.push({ event, from: payload.from, payload: payload as never }));
    }
  }

  #ack(event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<unknown>> {
    return (this.socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<unknown>> }).emitWithAck(
      event,
      payload,
    );
  }

  /** Sends a chat message and resolves with the stored message (acknowledged). */
  async sendChat(text: string, clientMessageId?: string): Promise<ChatMessage> {
    const result = (await this.#ack('chat-message', { text, ...(clientMessageId ? { clientMessageId } : {}) })) as Ack<ChatMessage>;
    if (!result.ok) throw new Error(`chat refused: ${result.error.code}`);
    this.chat = mergeChat(this.chat, [result.data]);
    return result.data;
  }

  async toggleMedia(source: TrackSource, enabled: boolean): Promise<MediaState> {
    const result = (await this.#ack('toggle-media', { source, enabled })) as Ack<MediaState>;
    if (!result.ok) throw new Error(`toggle refused: ${result.error.code}`);
    if (this.self) this.self = { ...this.self, media: result.data };
    return result.data;
  }

  async setReady(ready = true): Promise<void> {
    const result = await this.#ack('participant-ready', { ready });
    if (!result.ok) throw new Error(`ready refused: ${result.error.code}`);
    if (this.self) this.self = { ...this.self, ready };
  }

  /** Leaves; with `endForAll` a host ends the meeting for everyone. */
  async leave(endForAll = false): Promise<Ack<unknown>> {
    return this.#ack('leave-meeting', { meetingId: this.options.meetingId, ...(endForAll ? { endForAll } : {}) });
  }

  /** Sends any acknowledged client event (host controls…) and resolves with the raw answer. */
  request<T = unknown>(event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> {
    return this.#ack(event, payload) as Promise<Ack<T>>;
  }

  /** Emits a raw client event (signalling is fire-and-forget). */
  emit(event: keyof ClientToServerEvents, payload: unknown): void {
    (this.socket.emit as (e: string, p: unknown) => void)(event, payload);
  }

  /** Closes the connection for good (no reconnect). */
  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}

/** Polls `condition` every 25 ms until it holds; rejects after `timeoutMs` with `label`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, label: string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}
