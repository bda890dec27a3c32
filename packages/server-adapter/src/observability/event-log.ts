import type { MeetingEvents } from '../meeting/events';
import type { MeetingsLogger } from './logger';

/** Logs every meeting event at `info` (ids and reasons only: no names). Returns the unsubscribe function. */
export function logMeetingEvents(events: Pick<MeetingEvents, 'on'>, logger: MeetingsLogger): () => void {
  const off = [
    events.on('participant-joined', ({ meetingId, participant, replacedParticipantId }) =>
      logger.info({ meetingId, participantId: participant.participantId, replaced: replacedParticipantId }, 'participant joined'),
    ),
    events.on('participant-left', ({ meetingId, participant, reason, durationMs }) =>
      logger.info({ meetingId, participantId: participant.participantId, reason, durationMs }, 'participant left'),
    ),
    events.on('meeting-started', ({ meetingId, participants }) =>
      logger.info({ meetingId, participants: participants.length }, 'meeting started'),
    ),
    events.on('meeting-ended', ({ meetingId, reason, durationMs }) => logger.info({ meetingId, reason, durationMs }, 'meeting ended')),
  ];
  return () => {
    for (const unsubscribe of off) unsubscribe();
  };
}
