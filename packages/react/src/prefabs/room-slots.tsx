/**
 * The parts of `<MeetingRoom>` that come from the session flow: the People panel (participant
 * list with the admit queue and host actions), the leave step (a host may end the session for
 * everyone), the timer, notices in the header, and the extra controls (audio only, lock). The
 * waiting room itself is a whole-room screen (`room-screens.tsx`), chosen at the top of `RoomStage`.
 */
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { useAudioOnly } from '../hooks/use-audio-only';
import { CallTimer } from '../components/call-timer';
import { SessionTimer } from '../components/session-timer';
import { ParticipantList } from '../components/participant-list';
import { LeaveDialog } from '../components/leave-dialog';
import { AdmitQueue } from '../components/admit-queue';
import { HostRequestNotice } from '../components/host-request-notice';
import { ConnectionNotice } from '../components/connection-notice';
import { LockToggle } from '../components/lock-toggle';
import { AudioOnlyToggle } from '../components/audio-only-toggle';

/** The People panel: everyone here and, for hosts, who is waiting (Admit / Deny) and Ask to mute / Remove. */
export function PeoplePanelContent() {
  return <ParticipantList className="mm-room__people" />;
}

/** What the leave step gets: close it, or tell the room the person has left. */
export interface LeaveStepProps {
  onCancel: () => void;
  onLeft: () => void;
}

/**
 * What pressing Leave opens: "Leave the meeting?" with Stay / Leave meeting, and for a host also
 * "End session for everyone" (asked once more).
 */
export function LeaveStep({ onCancel, onLeft }: LeaveStepProps) {
  return <LeaveDialog open onOpenChange={(open) => (open ? undefined : onCancel())} onLeave={onLeft} />;
}

// The server's clock drives the session timer (it survives reloads); without one, the call timer.
const selectLocked = (s: MeetingSnapshot) => s.meeting?.locked ?? false;
const selectServerClock = (s: MeetingSnapshot) => s.meeting?.startedAt !== undefined || s.meeting?.endsAt !== undefined;

/** The start of the header row: the session timer (time left of a scheduled session, +15 min for hosts). */
export function HeaderStart() {
  return useMeeting(selectServerClock) ? <SessionTimer /> : <CallTimer />;
}

/**
 * Notices in the header, after the timer: a host's "someone is waiting" prompt while the People
 * panel (which lists them) is closed, a host's request to unmute, and a poor connection.
 */
export function HeaderNotices({ peopleOpen, knockSound }: { peopleOpen: boolean; knockSound: boolean }) {
  return (
    <>
      {peopleOpen ? null : <AdmitQueue variant="toast" sound={knockSound} />}
      <HostRequestNotice />
      <ConnectionNotice />
    </>
  );
}

/**
 * Extra controls before Leave: audio only, and for hosts the lock. On phones (`compact`) they
 * are entries of the More menu instead (see `RoomControls`).
 */
export function ExtraControls({ compact }: { compact: boolean }) {
  const m = useMessages();
  const locked = useMeeting(selectLocked);
  const { audioOnly } = useAudioOnly();
  if (compact) return null;
  // Icons with a tooltip: with their labels the row no longer fits beside an open chat at 1280 px.
  return (
    <>
      <AudioOnlyToggle showLabel={false} title={audioOnly ? m.audioOnlyStop : m.audioOnlyStart} />
      <LockToggle showLabel={false} title={locked ? m.unlockSession : m.lockSession} />
    </>
  );
}
