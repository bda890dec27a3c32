import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { ChatPanel } from '../components/chat-panel';
import { DeviceSelect } from '../components/device-select';
import { RoomPanel, closeOnEscape, type RoomPanelKind } from './room-panel';
import { PeoplePanelContent } from './room-slots';

const selectCanPickSpeaker = (s: MeetingSnapshot) => s.devices.canSelectSpeaker && s.devices.speakers.length > 0;

/**
 * The open side panel — chat, people or devices — beside the stage, or on phones (`sheet`) as a
 * full-screen sheet over the call. Escape closes it and focus returns to its button.
 */
export function RoomPanels({ panel, ids, sheet, focus, onClose }: {
  panel: RoomPanelKind;
  ids: Record<RoomPanelKind, string>;
  sheet: boolean;
  /** Move focus into the panel (it was just opened by the person, not by default). */
  focus: boolean;
  onClose: () => void;
}) {
  const m = useMessages();
  const canPickSpeaker = useMeeting(selectCanPickSpeaker);
  // Back to the button that opened it (on phones People and Devices open from the More menu).
  const opener = () =>
    document.querySelector<HTMLElement>(`[aria-controls="${ids[panel]}"]`) ?? document.querySelector<HTMLElement>('.mm-room .mm-menu > button');
  const close = () => {
    const back = opener();
    onClose();
    back?.focus();
  };
  return (
    <div className="mm-room__panel" data-panel={panel} data-sheet={sheet || undefined} onKeyDown={closeOnEscape(onClose, opener)}>
      {panel === 'chat' ? <ChatPanel id={ids.chat} onClose={close} autoFocus={focus} /> : null}
      {panel === 'people' ? (
        <RoomPanel id={ids.people} title={m.people} onClose={close} focus={focus}>
          <PeoplePanelContent />
        </RoomPanel>
      ) : null}
      {panel === 'devices' ? (
        <RoomPanel id={ids.devices} title={m.devices} onClose={close} focus={focus}>
          <DeviceSelect kind="microphone" />
          <DeviceSelect kind="camera" />
          {canPickSpeaker ? <DeviceSelect kind="speaker" /> : null}
        </RoomPanel>
      ) : null}
    </div>
  );
}
