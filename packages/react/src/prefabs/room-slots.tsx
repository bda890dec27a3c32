/**
 * The places in `<MeetingRoom>` where the session-flow components go (waiting room, admit queue,
 * participant list with host actions, leave dialog with "End for everyone", session timer, lock
 * toggle, background and noise controls). Each default below is what the room shows until then;
 * replace the body of one of these functions and the room uses it everywhere. The waiting room
 * itself is a whole-room screen: add it to `room-screens.tsx` and choose it at the top of
 * `RoomStage`, where the ended and connection-lost screens are chosen.
 */
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useCallback } from 'react';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { participantLabel } from '../utils/participant-label';
import { shallowEqual } from '../utils/shallow-equal';
import { LeaveConfirmation } from '../components/leave-confirmation';
import { CallTimer } from '../components/call-timer';

interface PersonRow {
  id: string;
  label: string;
  local: boolean;
  microphone: boolean;
  camera: boolean;
}

const sameRows = (a: PersonRow[], b: PersonRow[]) => a.length === b.length && a.every((row, i) => shallowEqual(row, b[i]));

/**
 * SLOT — People panel content. Default: a read-only list of who is here with their microphone
 * and camera state. The session flow's participant list (admit queue, host actions) replaces it.
 */
export function PeoplePanelContent() {
  const m = useMessages();
  const select = useCallback(
    (s: MeetingSnapshot): PersonRow[] =>
      s.participants.map((p) => ({
        id: p.id,
        label: participantLabel(s, p.id, m.guest) ?? m.guest,
        local: p.isLocal,
        microphone: p.media.microphone,
        camera: p.media.camera,
      })),
    [m.guest],
  );
  const rows = useMeeting(select, sameRows);
  return (
    <>
      <p className="mm-people__count">{formatMessage(m.peopleCount, { count: String(rows.length) })}</p>
      <ul className="mm-people">
        {rows.map((row) => (
          <li key={row.id} className="mm-people__row" data-local={row.local}>
            <span className="mm-people__name">{row.local ? `${row.label} (${m.you})` : row.label}</span>
            <span className="mm-people__media">
              {row.microphone ? m.microphoneOn : m.microphoneOff}, {row.camera ? m.cameraOn : m.cameraOff}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the leave step gets: close it, or tell the room the person has left. */
export interface LeaveStepProps {
  onCancel: () => void;
  onLeft: () => void;
}

/**
 * SLOT — what pressing Leave opens. Default: "Leave the meeting?" with Leave meeting / Stay. The
 * session flow's leave dialog (a host chooses leave or end for everyone) replaces it.
 */
export function LeaveStep({ onCancel, onLeft }: LeaveStepProps) {
  return <LeaveConfirmation onCancel={onCancel} onLeave={onLeft} />;
}

/**
 * SLOT — the start of the header row. Default: the elapsed call time. The session timer (time
 * left of a scheduled session) and the lock toggle go here.
 */
export function HeaderStart() {
  return <CallTimer />;
}

/**
 * SLOT — notices in the header, after the timer (a host's "someone is waiting" admit prompt, a
 * host's request to unmute, the session ending soon). Default: none. Keep each one short and
 * polite (`role="status"`); the room's error notice comes after them.
 */
export function HeaderNotices() {
  return null;
}

/**
 * SLOT — extra controls before Leave (background blur, noise suppression). Default: none.
 * `compact`: the phone layout, where only icons fit.
 */
export function ExtraControls(_props: { compact: boolean }) {
  return null;
}
