import { useId, useState } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { ParticipantGrid, type GridLayout } from '../components/participant-grid';
import { ControlBar } from '../components/control-bar';
import { ChatPanel } from '../components/chat-panel';
import { ConnectionStatus } from '../components/connection-status';
import { DeviceSelect } from '../components/device-select';
import { MeetingErrorMessage } from '../components/meeting-error-message';

const selectEnded = (s: MeetingSnapshot) => s.meeting?.status === 'ended';
const selectCanPickSpeaker = (s: MeetingSnapshot) => s.devices.canSelectSpeaker && s.devices.speakers.length > 0;

/** A toggle button for a side panel (chat, devices): `aria-pressed` and `aria-controls`. */
function PanelToggle({ open, onToggle, controls, label }: { open: boolean; onToggle: () => void; controls: string; label: string }) {
  return (
    <button
      type="button"
      className="mm-button mm-toggle"
      aria-pressed={open}
      aria-controls={open ? controls : undefined}
      data-state={open ? 'on' : 'off'}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}

/** The in-meeting stage of `<MeetingRoom>`: grid, side panels, controls, reconnecting toast. */
export function RoomStage({ layout, chat, onLeave }: { layout: GridLayout; chat: boolean; onLeave: () => void }) {
  const m = useMessages();
  const ended = useMeeting(selectEnded);
  const canPickSpeaker = useMeeting(selectCanPickSpeaker);
  const [chatOpen, setChatOpen] = useState(chat);
  const [devicesOpen, setDevicesOpen] = useState(false);
  const chatId = useId();
  const devicesId = useId();
  if (ended) {
    return (
      <div className="mm-room" data-state="ended">
        <p role="status">{m.meetingEnded}</p>
      </div>
    );
  }
  return (
    <div className="mm-room" data-state="joined">
      <div className="mm-room__header">
        <MeetingErrorMessage />
      </div>
      <div className="mm-room__main">
        <div className="mm-room__stage">
          <ParticipantGrid layout={layout} />
        </div>
        {devicesOpen ? (
          <section id={devicesId} className="mm-devices" aria-label={m.devices}>
            <DeviceSelect kind="microphone" />
            <DeviceSelect kind="camera" />
            {canPickSpeaker ? <DeviceSelect kind="speaker" /> : null}
          </section>
        ) : null}
        {chat && chatOpen ? <ChatPanel id={chatId} /> : null}
      </div>
      <ControlBar onLeave={onLeave}>
        <PanelToggle open={devicesOpen} onToggle={() => setDevicesOpen(!devicesOpen)} controls={devicesId} label={m.toggleDevices} />
        {chat ? <PanelToggle open={chatOpen} onToggle={() => setChatOpen(!chatOpen)} controls={chatId} label={m.toggleChat} /> : null}
      </ControlBar>
      <ConnectionStatus variant="toast" />
    </div>
  );
}

/** Shown after leaving: a calm confirmation and a way back in. */
export function LeftScreen({ onRejoin }: { onRejoin: () => void }) {
  const m = useMessages();
  return (
    <div className="mm-room" data-state="left">
      <p role="status">{m.leftTitle}</p>
      <div>
        <button type="button" className="mm-button" data-variant="primary" onClick={onRejoin}>
          {m.rejoin}
        </button>
      </div>
    </div>
  );
}
