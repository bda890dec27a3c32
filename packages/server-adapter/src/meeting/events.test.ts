import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../store/room-store';
import { createMeetingEvents, participantLeft } from './events';

const participant = { participantId: 'p1', userId: 'u1', displayName: 'Client', role: 'participant' as const, joinedAt: 1_000 };

describe('meeting events', () => {
  it('calls every subscriber in order; a throwing or rejecting one is reported and never stops the rest', async () => {
    const failures: Array<[unknown, string]> = [];
    const events = createMeetingEvents((error, name) => failures.push([error, name]));
    const seen: string[] = [];
    events.on('meeting-started', () => {
      throw new Error('sync');
    });
    events.on('meeting-started', async () => {
      throw new Error('async');
    });
    events.on('meeting-started', (event) => void seen.push(event.meetingId));
    events.emit('meeting-started', { meetingId: 'm1', startedAt: 5, participants: [participant] });
    await Promise.resolve();
    expect(seen).toEqual(['m1']);
    expect(failures).toEqual([
      [new Error('sync'), 'meeting-started'],
      [new Error('async'), 'meeting-started'],
    ]);
  });

  it('unsubscribes, and delivers each event name only to its own subscribers', () => {
    const events = createMeetingEvents(() => undefined);
    const joined: string[] = [];
    const off = events.on('participant-joined', (event) => void joined.push(event.participant.participantId));
    events.on('participant-left', () => void joined.push('wrong'));
    events.emit('participant-joined', { meetingId: 'm1', participant });
    off();
    events.emit('participant-joined', { meetingId: 'm1', participant });
    expect(joined).toEqual(['p1']);
  });

  it('participantLeft() summarises a record with the time spent in the meeting', () => {
    const record: ParticipantRecord = { ...participant, id: 'p1', media: {} as ParticipantRecord['media'], ready: true, meetingId: 'm1', nodeId: 'n', socketId: 's' };
    expect(participantLeft(record, 'left', 61_000)).toEqual({
      meetingId: 'm1',
      participant: { participantId: 'p1', userId: 'u1', displayName: 'Client', role: 'participant', joinedAt: 1_000 },
      reason: 'left',
      leftAt: 61_000,
      durationMs: 60_000,
    });
  });
});
