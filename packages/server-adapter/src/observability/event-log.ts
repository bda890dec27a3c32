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
    events.on('participant-waiting', ({ meetingId, participant }) =>
      logger.info({ meetingId, participantId: participant.participantId }, 'participant waiting'),
    ),
    events.on('participant-admitted', ({ meetingId, participant, by }) =>
      logger.info({ meetingId, participantId: participant.participantId, by }, 'participant admitted'),
    ),
    events.on('participant-denied', ({ meetingId, participant, by }) =>
      logger.info({ meetingId, participantId: participant.participantId, by }, 'participant denied'),
    ),
    events.on('waiting-left', ({ meetingId, participant, reason, waitedMs }) =>
      logger.info({ meetingId, participantId: participant.participantId, reason, waitedMs }, 'participant stopped waiting'),
    ),
    events.on('participant-removed', ({ meetingId, participant, by }) =>
      logger.info({ meetingId, participantId: participant.participantId, by }, 'participant removed'),
    ),
    events.on('meeting-locked', ({ meetingId, locked, by }) => logger.info({ meetingId, locked, by }, 'meeting locked')),
    events.on('meeting-extended', ({ meetingId, endsAt, by }) => logger.info({ meetingId, endsAt, by }, 'meeting extended')),
  ];
  return () => {
    for (const unsubscribe of off) unsubscribe();
  };
}
