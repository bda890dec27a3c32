import { randomUUID } from 'node:crypto';
import type { JoinMeetingResult, MeetingJoinedPayload, ParticipantRole } from '@mentara/meetings-core/protocol';
import type { MeetingsServer } from '../attach';
import { issueMeetingToken } from '../auth/issue-token';
import { ack, openClient, TEST_SECRET, type TestClient } from './harness';

/** The shape of a join/leave load. */
export interface CycleOptions {
  /** Join/leave cycles in all (participants joining, talking, leaving). */
  cycles: number;
  /** Meetings run side by side, each with a host who stays; every other one has a waiting room. */
  meetings: number;
  /** Participants coming and going at once in each meeting. */
  participantsPerMeeting: number;
  /** Stops starting new cycles after this long (the load stays bounded in time). */
  deadlineMs: number;
}

/** What a run did. */
export interface CycleReport {
  cycles: number;
  admitted: number;
  denied: number;
  elapsedMs: number;
}

const token = (userId: string, meetingId: string, role: ParticipantRole): Promise<string> =>
  issueMeetingToken({ secret: TEST_SECRET, userId, displayName: userId, role, meetingId });

async function enter(url: string, userId: string, meetingId: string, role: ParticipantRole) {
  const client = await openClient(url, { token: await token(userId, meetingId, role) });
  const answer = await ack<JoinMeetingResult>(client, 'join-meeting', { meetingId });
  if (!answer.ok) {
    client.close();
    throw new Error(`join failed: ${answer.error.code}`);
  }
  return { client, result: answer.data };
}

/**
 * Runs join/leave cycles against a server at `url` (real Socket.IO clients, one new connection
 * per cycle): each participant joins — through the waiting room, where the host admits or denies
 * them in turn — sends a chat message and a signal to the host, then leaves by `leave-meeting` or
 * by dropping the connection. At the end every host leaves (half of them ending the meeting for
 * everyone, the others leaving it empty), so the server should end and forget every meeting.
 */
export async function runJoinLeaveCycles(url: string, meetings: Pick<MeetingsServer, 'createMeeting'>, options: CycleOptions): Promise<CycleReport> {
  const started = Date.now();
  const report: CycleReport = { cycles: 0, admitted: 0, denied: 0, elapsedMs: 0 };
  let next = 0;
  const take = (): number | undefined => (next < options.cycles && Date.now() - started < options.deadlineMs ? next++ : undefined);

  const runMeeting = async (m: number): Promise<void> => {
    const waitingRoom = m % 2 === 1;
    // The waiting room is a setting of the meeting, given when it is created.
    const meetingId = waitingRoom ? (await meetings.createMeeting({ waitingRoom, frontendUrl: url })).meetingId : randomUUID();
    const host = await enter(url, `host-${m}`, meetingId, 'host');
    const hostId = (host.result as MeetingJoinedPayload).self.id;
    const hostClient: TestClient = host.client;
    // The host decides on each knock as it comes: every third person is turned away.
    let knocks = 0;
    hostClient.on('participant-waiting', ({ participant }) => {
      const deny = knocks++ % 3 === 2;
      emitWaitingDecision(hostClient, deny, participant.id);
    });

    const worker = async (w: number): Promise<void> => {
      for (let i = take(); i !== undefined; i = take()) {
        // In a waiting room a returning user would skip it (the admitted grace): a new user each time.
        const userId = waitingRoom ? `guest-${m}-${i}` : `participant-${m}-${w}`;
        const client = await openClient(url, { token: await token(userId, meetingId, 'participant') });
        try {
          // Listening before the knock: the host may answer before the join's acknowledgement is read.
          const decision = hostDecision(client);
          const answer = await ack<JoinMeetingResult>(client, 'join-meeting', { meetingId });
          if (!answer.ok || answer.data.admission !== 'waiting') decision.cancel();
          if (!answer.ok) throw new Error(`join failed: ${answer.error.code}`);
          if (answer.data.admission === 'waiting') {
            if ((await decision.outcome) === 'denied') {
              report.denied += 1;
              report.cycles += 1;
              continue;
            }
          }
          report.admitted += 1;
          const sent = await ack(client, 'chat-message', { text: `hello ${i}`, clientMessageId: `m-${i}` });
          if (!sent.ok) throw new Error(`chat failed: ${sent.error.code}`);
          client.emit('webrtc-signal', { to: hostId, signal: { type: 'offer', sdp: `v=0 cycle ${i}` } });
          if (i % 2 === 0) {
            const left = await ack(client, 'leave-meeting', { meetingId });
            if (!left.ok) throw new Error(`leave failed: ${left.error.code}`);
          }
          report.cycles += 1;
        } finally {
          client.close();
        }
      }
    };
    await Promise.all(Array.from({ length: options.participantsPerMeeting }, (_, w) => worker(w)));
    if (m % 2 === 0) await ack(hostClient, 'leave-meeting', { meetingId, endForAll: true });
    hostClient.close();
  };

  await Promise.all(Array.from({ length: options.meetings }, (_, m) => runMeeting(m)));
  report.elapsedMs = Date.now() - started;
  return report;
}

function emitWaitingDecision(host: TestClient, deny: boolean, participantId: string): void {
  if (deny) host.emit('deny-participant', { participantId });
  else host.emit('admit-participant', { participantId });
}

/** Whether the host lets a waiting client in or turns it away (within 5 s); `cancel` stops listening. */
function hostDecision(client: TestClient): { outcome: Promise<'admitted' | 'denied'>; cancel(): void } {
  let cancel = (): void => {};
  const outcome = new Promise<'admitted' | 'denied'>((resolve, reject) => {
    const done = (outcome: 'admitted' | 'denied' | Error | null): void => {
      clearTimeout(timer);
      client.off('meeting-joined', onJoined);
      client.off('participant-denied', onDenied);
      if (outcome instanceof Error) reject(outcome);
      else if (outcome) resolve(outcome);
    };
    cancel = () => done(null);
    const onJoined = (): void => done('admitted');
    const onDenied = (): void => done('denied');
    const timer = setTimeout(() => done(new Error('no decision from the host')), 5000);
    client.on('meeting-joined', onJoined);
    client.on('participant-denied', onDenied);
  });
  return { outcome, cancel };
}
