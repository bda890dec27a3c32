import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import type { MeetingShortcuts } from '../hooks/use-meeting-shortcuts';
import { ControlBar, useCanShareScreen } from '../components/control-bar';
import { ChatToggleButton } from '../components/chat-toggle-button';
import { mediaToggleLabel } from '../components/media-toggle-button';
import { MenuButton, type MenuEntry } from '../components/menu-button';
import { Icon, type IconName } from '../components/icons';
import type { RoomPanelKind } from './room-panel';
import { ExtraControls } from './room-slots';

/** How wide the room is: phones get icons, one row and a More menu; tablets icons; desktops labels. */
export type RoomSize = 'compact' | 'medium' | 'wide';

/** What the room's controls need from the room. */
export interface RoomControlsProps {
  /** Target of the room's "Skip to meeting controls" link. */
  id: string;
  size: RoomSize;
  chat: boolean;
  panel: RoomPanelKind | null;
  onPanelChange: (panel: RoomPanelKind | null) => void;
  panelIds: Record<RoomPanelKind, string>;
  shortcuts: MeetingShortcuts | null;
  /** Picture-in-picture, when the browser has it. */
  onPictureInPicture: (() => void) | null;
  /** Moves the floating self view to the next corner, while there is one. */
  onMoveSelfView: (() => void) | null;
  onShowShortcuts: () => void;
  onLeaveRequest: () => void;
}

const selectSharing = (s: MeetingSnapshot) => s.media.screen.enabled;

/** A button that shows or hides one side panel (`aria-pressed`, `aria-controls`). */
function PanelButton({ kind, icon, label, open, showLabel, controls, onToggle }: {
  kind: RoomPanelKind;
  icon: IconName;
  label: string;
  open: boolean;
  showLabel: boolean;
  controls: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="mm-button mm-toggle"
      aria-pressed={open}
      aria-controls={open ? controls : undefined}
      data-state={open ? 'on' : 'off'}
      data-panel={kind}
      title={showLabel ? undefined : label}
      onClick={onToggle}
    >
      <Icon name={icon} />
      <span className={showLabel ? undefined : 'mm-visually-hidden'}>{label}</span>
    </button>
  );
}

/**
 * The room's control row: microphone, camera, screen share, chat (with unread count), people,
 * devices, More (picture-in-picture, move your video, keyboard shortcuts — and on phones the
 * controls that do not fit), then Leave, which asks first. One row at every width.
 */
export function RoomControls(props: RoomControlsProps) {
  const { size, panel, onPanelChange, panelIds } = props;
  const client = useMeetingClient();
  const m = useMessages();
  const sharing = useMeeting(selectSharing);
  const canShare = useCanShareScreen();
  const compact = size === 'compact';
  const showLabels = size === 'wide';
  const toggle = (kind: RoomPanelKind) => onPanelChange(panel === kind ? null : kind);

  const entries: MenuEntry[] = [];
  if (compact && canShare) {
    entries.push({ key: 'screen', icon: 'screen', label: mediaToggleLabel(m, 'screen', sharing), onSelect: () => void client.screen.toggle().catch(() => undefined) });
  }
  if (compact) {
    entries.push({ key: 'people', icon: 'people', label: m.people, onSelect: () => toggle('people') });
    entries.push({ key: 'devices', icon: 'devices', label: m.toggleDevices, onSelect: () => toggle('devices') });
  }
  if (props.onPictureInPicture) entries.push({ key: 'pip', icon: 'pip', label: m.pictureInPicture, onSelect: props.onPictureInPicture });
  if (props.onMoveSelfView) entries.push({ key: 'move', icon: 'corner', label: m.moveSelfView, onSelect: props.onMoveSelfView });
  if (props.shortcuts && !compact) entries.push({ key: 'shortcuts', icon: 'keyboard', label: m.keyboardShortcuts, onSelect: props.onShowShortcuts });

  return (
    <ControlBar
      role="region"
      id={props.id}
      tabIndex={-1}
      className="mm-room__controls"
      controls={{ screen: compact ? false : undefined, leave: false }}
      showLabels={showLabels}
      shortcuts={props.shortcuts ?? undefined}
    >
      <span className="mm-controls__divider" aria-hidden="true" />
      {props.chat ? (
        <ChatToggleButton open={panel === 'chat'} onOpenChange={(open) => onPanelChange(open ? 'chat' : null)} panelId={panelIds.chat} showLabel={showLabels} />
      ) : null}
      {compact ? null : (
        <>
          <PanelButton kind="people" icon="people" label={m.people} open={panel === 'people'} showLabel={showLabels} controls={panelIds.people} onToggle={() => toggle('people')} />
          <PanelButton kind="devices" icon="devices" label={m.toggleDevices} open={panel === 'devices'} showLabel={showLabels} controls={panelIds.devices} onToggle={() => toggle('devices')} />
        </>
      )}
      <ExtraControls compact={compact} />
      {entries.length > 0 ? <MenuButton label={m.moreOptions} icon="more" entries={entries} showLabel={false} /> : null}
      <button type="button" className="mm-button" data-variant="danger" data-action="leave" title={showLabels ? undefined : m.leave} onClick={props.onLeaveRequest}>
        <Icon name="leave" />
        <span className={showLabels ? undefined : 'mm-visually-hidden'}>{m.leave}</span>
      </button>
    </ControlBar>
  );
}
