import { Adapter } from 'socket.io-adapter';
import { isThenable } from '../socket/serial-queue';
import type { MeetingsNamespace, MeetingsSocket } from '../socket/types';
import type { ParticipantRecord, RoomStore } from '../store/room-store';
import type { MeetingEvents } from './events';
import type { LocalPresence } from './presence';
import { meetingRoom, participantRoom } from './rooms';

/** The inter-server event that tells other nodes a participant is gone (from any roster cache). */
export const PARTICIPANT_GONE = 'mentara:participant-gone';

/** What the directory works with. */
export interface DirectoryDeps {
  namespace: MeetingsNamespace;
  store: Pick<RoomStore, 'getParticipant'>;
  events: MeetingEvents;
  presence: Pick<LocalPresence, 'has'>;
  nodeId: string;
}

/** The admitted participants of one meeting that live on other nodes, as this node knows them. */
interface RemoteMembers {
  /** Participant id → node id. */
  nodes: Map<string, string>;
  /** Bumped on every removal, so a store answer read before it is not cached after it. */
  epoch: number;
}

/** Taken before a roster is read from the store, for {@link ParticipantDirectory.learn}. */
export interface RosterMark {
  members: RemoteMembers;
  epoch: number;
}

/** How often meetings without a participant on this node are dropped from the cache. */
const PRUNE_INTERVAL_MS = 60_000;

/**
 * Where the admitted participants of a meeting are, for the relay: without a store round trip
 * for anyone on this node (Socket.IO's own rooms say it), and for participants on other nodes
 * from a per-node cache, filled by store reads and emptied on every removal —
 * on this node through the meeting events, on the others through an inter-server event the
 * removing node sends (a store read that raced a removal is not cached). A participant id belongs to one session of one meeting and never moves
 * between nodes (a reconnect gets a new id), so a cached node stays right until the removal.
 */
export class ParticipantDirectory {
  readonly #deps: DirectoryDeps;
  readonly #remote = new Map<string, RemoteMembers>();
  /** Participant room (`p:{participantId}`) → node id, for every participant in {@link #remote} (the adapter routes signals by it). */
  readonly #nodeOfRoom = new Map<string, string>();
  readonly #stops: Array<() => void> = [];
  /** Whether other nodes exist (an adapter that reaches them). */
  readonly #shared: boolean;

  constructor(deps: DirectoryDeps) {
    this.#deps = deps;
    const { namespace, events } = deps;
    // Other nodes exist only behind an adapter that reaches them (the in-memory one only warns).
    const shared = namespace.adapter.serverSideEmit !== Adapter.prototype.serverSideEmit;
    this.#shared = shared;
    const forget = (meetingId: string, participantId: string): void => this.#forget(meetingId, participantId);
    this.#stops.push(
      events.on('participant-left', ({ meetingId, participant }) => {
        forget(meetingId, participant.participantId);
        if (shared) namespace.serverSideEmit(PARTICIPANT_GONE, meetingId, participant.participantId);
      }),
      events.on('meeting-ended', ({ meetingId }) => this.#drop(meetingId)),
    );
    if (shared) {
      namespace.on(PARTICIPANT_GONE, forget);
      this.#stops.push(() => void namespace.off(PARTICIPANT_GONE, forget));
    }
    const prune = setInterval(() => {
      for (const meetingId of [...this.#remote.keys()]) if (!deps.presence.has(meetingId)) this.#drop(meetingId);
    }, PRUNE_INTERVAL_MS);
    prune.unref?.();
    this.#stops.push(() => clearInterval(prune));
  }

  /** The socket on this node of an admitted participant of the meeting, if there is one. */
  local(meetingId: string, participantId: string): MeetingsSocket | undefined {
    const { namespace } = this.#deps;
    const ids = namespace.adapter.rooms.get(participantRoom(participantId));
    if (!ids) return undefined;
    const room = meetingRoom(meetingId);
    for (const id of ids) {
      const socket = namespace.sockets.get(id);
      if (socket?.rooms.has(room)) return socket;
    }
    return undefined;
  }

  /**
   * The node of an admitted participant of the meeting who is not on this node: from the cache,
   * or read from the store (then cached). `undefined` when there is no such participant.
   */
  remoteNode(meetingId: string, participantId: string): string | undefined | Promise<string | undefined> {
    const known = this.#remote.get(meetingId)?.nodes.get(participantId);
    if (known !== undefined) return known;
    const mark = this.#markOf(meetingId);
    const settle = (record: ParticipantRecord | undefined): string | undefined => {
      // On this node but not in its rooms: the session is ending here.
      if (!record || record.nodeId === this.#deps.nodeId) return undefined;
      if (this.#current(meetingId, mark)) this.#cache(mark.members, participantId, record.nodeId);
      return record.nodeId;
    };
    const found = this.#deps.store.getParticipant(meetingId, participantId);
    return isThenable(found) ? Promise.resolve(found).then(settle) : settle(found);
  }

  /**
   * A mark to take before reading a meeting's roster from the store (a join's answer), so that
   * {@link learn} can cache where everyone in it is; `undefined` on a single node.
   */
  mark(meetingId: string): RosterMark | undefined {
    return this.#shared ? this.#markOf(meetingId) : undefined;
  }

  /**
   * Caches the nodes of the participants of a roster read after `mark` (those on other nodes),
   * so the joiner's first signals to them cost no store read — unless someone was removed from
   * the meeting since the mark, which makes the roster too old to cache (as for a single read).
   */
  learn(meetingId: string, mark: RosterMark, roster: readonly ParticipantRecord[]): void {
    if (!this.#current(meetingId, mark)) return;
    for (const p of roster) if (p.nodeId !== this.#deps.nodeId) this.#cache(mark.members, p.id, p.nodeId);
  }

  /**
   * The node of the one socket in Socket.IO room `room`, when it is the room of a participant this
   * node knows to be on another node; the adapter then sends what goes to that room to that node alone.
   */
  nodeOfRoom(room: string): string | undefined {
    return this.#nodeOfRoom.get(room);
  }

  /**
   * A participant id now lives on this node though it may have lived on another (a rejoin that
   * took its old id back after the store lost the meeting): every node forgets where it was, so
   * nothing for it goes to its old node.
   */
  moved(meetingId: string, participantId: string): void {
    this.#forget(meetingId, participantId);
    if (this.#shared) this.#deps.namespace.serverSideEmit(PARTICIPANT_GONE, meetingId, participantId);
  }

  /** Forgets where a participant is; a store read that raced it is not cached. */
  #forget(meetingId: string, participantId: string): void {
    const members = this.#remote.get(meetingId);
    if (!members) return;
    members.nodes.delete(participantId);
    this.#nodeOfRoom.delete(participantRoom(participantId));
    members.epoch += 1;
  }

  #cache(members: RemoteMembers, participantId: string, nodeId: string): void {
    members.nodes.set(participantId, nodeId);
    this.#nodeOfRoom.set(participantRoom(participantId), nodeId);
  }

  /** Drops a meeting's cache entry, and its participants from the index by participant. */
  #drop(meetingId: string): void {
    const members = this.#remote.get(meetingId);
    if (!members) return;
    this.#remote.delete(meetingId);
    for (const participantId of members.nodes.keys()) this.#nodeOfRoom.delete(participantRoom(participantId));
  }

  /** The meeting's cache entry (created when missing) and its epoch now, before a store read. */
  #markOf(meetingId: string): RosterMark {
    let members = this.#remote.get(meetingId);
    if (!members) {
      members = { nodes: new Map(), epoch: 0 };
      this.#remote.set(meetingId, members);
    }
    return { members, epoch: members.epoch };
  }

  /** Whether nobody was removed from the meeting (nor the entry pruned) since `mark`: a read after it may be cached. */
  #current(meetingId: string, { members, epoch }: RosterMark): boolean {
    return members.epoch === epoch && this.#remote.get(meetingId) === members;
  }

  /** How many meetings have cached remote members. */
  get cachedMeetings(): number {
    return this.#remote.size;
  }

  /** Stops listening. */
  close(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#remote.clear();
    this.#nodeOfRoom.clear();
  }
}
