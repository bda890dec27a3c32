import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { ack, startHarness, type Harness } from '../test-utils/harness';
import { MemoryRoomStore } from '../store/memory-store';
import type { AddParticipantOptions, AddParticipantResult, MeetingView, MeetingViewOptions, ParticipantRecord } from '../store/room-store';

/**
 * A join answers from its seat step's roster when nothing reached the meeting's room on this node
 * between that step and the joiner's socket joining the room; otherwise it reads the meeting again.
 * The store here counts those second reads and can hold a seat step after it has decided.
 */
class CountingStore extends MemoryRoomStore {
  viewReads = 0;
  /** When set, a seat waits for it after the store decided (the roster is then already taken). */
  hold: Promise<void> | undefined;
  seated: (() => void) | undefined;

  override readMeetingView(meetingId: string, include: MeetingViewOptions): MeetingView {
    this.viewReads += 1;
    return super.readMeetingView(meetingId, include);
  }

  override addParticipant(record: ParticipantRecord, options: AddParticipantOptions): AddParticipantResult {
    const result = super.addParticipant(record, options);
    const hold = this.hold;
    if (!hold) return result;
    this.hold = undefined;
    this.seated?.();
    return hold.then(() => result) as unknown as AddParticipantResult;
  }
}

describe('join answered from the seat step', () => {
  let h: Harness;
  let store: CountingStore;
  afterEach(() => h.close());

  const start = async () => {
    store = new CountingStore();
    h = await startHarness({ store });
  };

  it("answers a participant's join without reading the meeting again, with the same roster a read gives", async () => {
    await start();
    const meetingId = randomUUID();
    const { client: host, joined: hostJoined } = await h.joinAs('therapist', meetingId, 'host');
    // A host's answer carries the waiting list: read after the seat.
    expect(store.viewReads).toBe(1);
    await ack(host, 'toggle-media', { source: 'camera', enabled: true });
    await ack(host, 'participant-ready', { ready: true });

    const { joined } = await h.joinAs('client', meetingId);
    expect(store.viewReads).toBe(1);
    expect(joined.participants).toEqual([{ ...hostJoined.self, ready: true, media: { microphone: false, camera: true, screen: false } }]);
    expect(joined.meeting).toMatchObject({ meetingId, hostPresent: true });
    expect(joined.chat).toEqual([]);
    expect(h.meetings.diagnostics().watchedRooms).toBe(0);
  });

  it('reads the meeting again when something reached its room between the seat and the room join, so the joiner misses nothing', async () => {
    await start();
    const meetingId = randomUUID();
    const { client: host, joined: hostJoined } = await h.joinAs('therapist', meetingId, 'host');
    const reads = store.viewReads;

    let release!: () => void;
    store.hold = new Promise<void>((resolve) => (release = resolve));
    const seated = new Promise<void>((resolve) => (store.seated = resolve));
    const client = await h.connect({ token: await h.token('client', meetingId) });
    const answer = ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId });
    await seated;
    // The seat has taken its roster (camera off); the host turns the camera on before the client's
    // socket is in the room, so the client cannot receive the event for it.
    expect(await ack(host, 'toggle-media', { source: 'camera', enabled: true })).toMatchObject({ ok: true });
    release();
    const result = await answer;
    expect(result.ok).toBe(true);
    const joined = result.ok ? result.data : undefined;
    expect(store.viewReads).toBe(reads + 1);
    expect(joined?.participants).toEqual([{ ...hostJoined.self, media: { microphone: false, camera: true, screen: false } }]);
    expect(h.meetings.diagnostics().watchedRooms).toBe(0);
  });

  it("reads the meeting again when the answer needs what the seat step does not return (a meeting that keeps 'all' chat)", async () => {
    await start();
    const meetingId = randomUUID();
    const host = await h.connect({ token: await h.token('therapist', meetingId, 'host', { chatHistory: 'all' }) });
    expect(await ack(host, 'join-meeting', { meetingId })).toMatchObject({ ok: true });
    await ack(host, 'chat-message', { text: 'Welcome. We start in a minute.' });
    const reads = store.viewReads;
    const client = await h.connect({ token: await h.token('client', meetingId) });
    const result = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId });
    expect(result.ok && result.data.chat.map((m) => m.text)).toEqual(['Welcome. We start in a minute.']);
    expect(store.viewReads).toBe(reads + 1);
  });

  it('stops watching the room when a join is refused after its watch began', async () => {
    await start();
    const meetingId = randomUUID();
    await h.joinAs('therapist', meetingId, 'host');
    const late = await h.connect({ token: await h.token('late', meetingId, 'participant', { startsAt: Date.now() + 3_600_000 }) });
    const result = await ack(late, 'join-meeting', { meetingId });
    expect(result).toMatchObject({ ok: false });
    expect(h.meetings.diagnostics().watchedRooms).toBe(0);
  });
});
