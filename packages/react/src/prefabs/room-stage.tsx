import { useId, useRef, useState, type MouseEvent } from 'react';
import type { MeetingError, MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useConnectionState, useMeetingError } from '../hooks/use-connection';
import { useElementSize } from '../hooks/use-element-size';
import { useMeetingEvent } from '../hooks/use-meeting-event';
import { useMeetingShortcuts } from '../hooks/use-meeting-shortcuts';
import { usePictureInPicture } from '../hooks/use-picture-in-picture';
import { useMessages } from '../messages/messages-context';
import { ParticipantGrid, type GridLayout } from '../components/participant-grid';
import { SELF_VIEW_CORNERS, type SelfViewCorner } from '../components/self-view';
import { ConnectionStatus } from '../components/connection-status';
import { MeetingErrorMessage } from '../components/meeting-error-message';
import { PermissionHelp } from '../components/permission-help';
import { PresentingBanner } from '../components/presenting-banner';
import { MutedSpeechHint } from '../components/muted-speech-hint';
import { InviteCard } from '../components/invite-card';
import { Icon } from '../components/icons';
import { playChime } from '../utils/chime';
import { RoomControls, type RoomSize } from './room-controls';
import { RoomPanels } from './room-panels';
import { ConnectionLostScreen, EndedScreen } from './room-screens';
import { HeaderNotices, HeaderStart, LeaveStep } from './room-slots';
import { ShortcutsDialog } from './shortcuts-dialog';
import { PictureInPictureView } from './picture-in-picture-view';
import type { RoomPanelKind } from './room-panel';

/** Options of the in-meeting part of `<MeetingRoom>` (see its props). */
export interface RoomStageProps {
  layout: GridLayout;
  chat: boolean;
  defaultChatOpen: boolean | 'wide';
  chatSound: boolean;
  shortcuts: boolean;
  mutedSpeechHint: boolean;
  inviteUrl?: string;
  homeHref?: string;
  theme?: 'light' | 'dark';
  onLeave: () => void;
  onRejoin: () => void;
}

const selectEnded = (s: MeetingSnapshot) => s.meeting?.status === 'ended';
const selectCount = (s: MeetingSnapshot) => s.participantCount;
const selectFirstRemote = (s: MeetingSnapshot) => s.remoteParticipants[0]?.id ?? null;
const selectSpeaker = (s: MeetingSnapshot) => (s.activeSpeakerId && s.remotes[s.activeSpeakerId] ? s.activeSpeakerId : null);
const sizeOf = (width: number): RoomSize => (width === 0 || width >= 1000 ? 'wide' : width < 640 ? 'compact' : 'medium');

/** The in-meeting stage of `<MeetingRoom>`: header, stage, controls, side panels or sheets, dialogs. */
export function RoomStage(props: RoomStageProps) {
  const { layout, chat } = props;
  const m = useMessages();
  const ended = useMeeting(selectEnded);
  const connection = useConnectionState();
  const count = useMeeting(selectCount);
  const firstRemote = useMeeting(selectFirstRemote);
  const speaker = useMeeting(selectSpeaker);
  const error = useMeetingError();
  const roomRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(roomRef);
  const size = sizeOf(width);
  const ids = { chat: useId(), people: useId(), devices: useId(), controls: useId() };

  const [panel, setPanel] = useState<RoomPanelKind | null>(chat && props.defaultChatOpen === true ? 'chat' : null);
  const [panelByUser, setPanelByUser] = useState(false);
  const openPanel = (next: RoomPanelKind | null) => {
    setPanel(next);
    setPanelByUser(true);
  };
  const [chatDecided, setChatDecided] = useState(false);
  if (!chatDecided && width > 0) {
    // Decided once, when the room's width is first known: open beside a wide stage, closed on phones.
    setChatDecided(true);
    if (chat && props.defaultChatOpen === 'wide' && size === 'wide') setPanel('chat');
  }
  const [pinned, setPinned] = useState<string | null>(null);
  const [corner, setCorner] = useState<SelfViewCorner>('top-right');
  const [asking, setAsking] = useState<'leave' | 'shortcuts' | null>(null);
  const [dismissed, setDismissed] = useState<MeetingError | null>(null);
  const keys = useMeetingShortcuts(props.shortcuts, () => setAsking('shortcuts'));
  const pip = usePictureInPicture();
  const pipTarget = pinned ?? speaker ?? firstRemote;

  useMeetingEvent('chat-message', () => {
    if (props.chatSound && panel !== 'chat') playChime();
  });

  if (ended) return <EndedScreen homeHref={props.homeHref} />;
  if (connection === 'failed') return <ConnectionLostScreen onRejoin={props.onRejoin} homeHref={props.homeHref} />;

  const focusControls = (event: MouseEvent) => {
    event.preventDefault();
    roomRef.current?.querySelector<HTMLElement>(`[id="${ids.controls}"] button:not([disabled])`)?.focus();
  };
  const openPip =
    pip.kind !== 'none' && pipTarget
      ? () => {
          if (pip.pipWindow) return pip.close();
          const video = roomRef.current?.querySelector<HTMLVideoElement>(`.mm-tile[data-participant-id="${CSS.escape(pipTarget)}"][data-source="camera"] video`);
          void pip.open(video ?? null).catch(() => undefined);
        }
      : null;
  const floatingSelf = layout === 'auto' && count <= 2 && pinned === null;
  const showError = error !== null && error !== dismissed && error.code !== 'autoplay-blocked';

  return (
    <div ref={roomRef} className="mm-room" data-state="joined" data-size={size} data-panel={panel ?? 'none'}>
      <a className="mm-skip-link" href={`#${ids.controls}`} onClick={focusControls}>
        {m.skipToControls}
      </a>
      <div className="mm-room__header">
        <HeaderStart />
        <HeaderNotices />
        {showError ? (
          <div className="mm-room__notice">
            {error.code === 'permission-denied' ? <PermissionHelp /> : <MeetingErrorMessage />}
            <button type="button" className="mm-panel__close" aria-label={m.close} onClick={() => setDismissed(error)}>
              <Icon name="close" />
            </button>
          </div>
        ) : null}
      </div>
      <section className="mm-room__stage" aria-label={m.stage}>
        <PresentingBanner />
        <ParticipantGrid
          layout={layout}
          pinnedId={pinned}
          onPinnedChange={setPinned}
          selfViewCorner={corner}
          onSelfViewCornerChange={setCorner}
          empty={connection === 'connected' ? <InviteCard url={props.inviteUrl} /> : <p className="mm-room__waiting">{m.connectionState[connection]}</p>}
        />
        <MutedSpeechHint listen={props.mutedSpeechHint} shortcut={props.shortcuts ? keys.microphone.label : undefined} />
      </section>
      <RoomControls
        id={ids.controls}
        size={size}
        chat={chat}
        panel={panel}
        onPanelChange={openPanel}
        panelIds={ids}
        shortcuts={props.shortcuts ? keys : null}
        onPictureInPicture={openPip}
        onMoveSelfView={floatingSelf ? () => setCorner(SELF_VIEW_CORNERS[(SELF_VIEW_CORNERS.indexOf(corner) + 1) % 4]!) : null}
        onShowShortcuts={() => setAsking('shortcuts')}
        onLeaveRequest={() => setAsking('leave')}
      />
      {panel ? <RoomPanels panel={panel} ids={ids} sheet={size === 'compact'} focus={panelByUser} onClose={() => setPanel(null)} /> : null}
      <ConnectionStatus variant="toast" />
      {asking === 'leave' ? <LeaveStep onCancel={() => setAsking(null)} onLeft={props.onLeave} /> : null}
      {asking === 'shortcuts' ? <ShortcutsDialog shortcuts={keys} onClose={() => setAsking(null)} /> : null}
      {pip.pipWindow && pipTarget ? <PictureInPictureView pipWindow={pip.pipWindow} participantId={pipTarget} theme={props.theme} /> : null}
    </div>
  );
}
