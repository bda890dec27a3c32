import { useId, useState } from 'react';
import type { MeetingClient, MeetingClientOptions, MeetingSnapshot } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import type { MeetingMessages } from '../messages/messages';
import { ParticipantGrid, type GridLayout } from '../components/participant-grid';
import { ControlBar } from '../components/control-bar';
import { ChatPanel } from '../components/chat-panel';
import { ConnectionStatus } from '../components/connection-status';
import { LiveAnnouncer } from '../components/live-announcer';
import { MeetingErrorMessage } from '../components/meeting-error-message';
import { PreJoin, type PreJoinValues } from '../components/pre-join';

/** Props of `<MeetingRoom>`. */
export interface MeetingRoomProps {
  /** Origin of the meeting server (ignored when `client` is given). */
  serverUrl?: string;
  meetingId: string;
  /** JWT for the server (ignored when `client` is given). */
  token?: string;
  /** Name shown to others; pre-fills the pre-join screen (which asks for it unless `client` is given). */
  displayName?: string;
  /** @default 'auto' */
  layout?: GridLayout;
  /** Replacements for user-visible strings. */
  messages?: Partial<MeetingMessages>;
  /** Called after the person leaves. */
  onLeave?: () => void;
  /** Use this client instead of creating one (stories, tests, custom setups). */
  client?: MeetingClient;
  /** Extra client options when the room creates the client. */
  clientOptions?: Omit<MeetingClientOptions, 'serverUrl' | 'meetingId' | 'token' | 'displayName'>;
  /** Show the pre-join screen first. @default true */
  preJoin?: boolean;
  /** Show the chat panel. @default true */
  chat?: boolean;
  /** `light`, `dark`, or follow the system. @default 'system' */
  theme?: 'light' | 'dark' | 'system';
  className?: string;
}

type Stage = 'lobby' | 'room' | 'left';

const selectEnded = (s: MeetingSnapshot) => s.meeting?.status === 'ended';

/**
 * A complete meeting UI — pre-join screen, participant grid, controls, chat, connection status,
 * announcements — built only from the public components. Import `@mentara/meetings/styles.css` once.
 *
 * @example
 * <MeetingRoom serverUrl="https://api.example.com" meetingId={id} token={jwt} displayName="Sam" onLeave={close} />
 */
export function MeetingRoom({
  serverUrl = '',
  meetingId,
  token,
  displayName,
  layout = 'auto',
  messages,
  onLeave,
  client,
  clientOptions,
  preJoin = true,
  chat = true,
  theme = 'system',
  className,
}: MeetingRoomProps) {
  // Read once by the provider. The client reads `displayName` from this object when it joins, so the
  // name typed on the pre-join screen is written here just before joining.
  const [options] = useState<MeetingClientOptions>(() => ({ ...clientOptions, serverUrl, meetingId, token, displayName }));
  const [stage, setStage] = useState<Stage>(preJoin ? 'lobby' : 'room');
  const join = (values: PreJoinValues) => {
    if (values.displayName) options.displayName = values.displayName;
    setStage('room');
  };
  return (
    <div className={className ? `mm-root mm-meeting ${className}` : 'mm-root mm-meeting'} data-theme={theme === 'system' ? undefined : theme}>
      <MeetingProvider
        client={client}
        options={client ? undefined : options}
        meetingId={meetingId}
        join={stage === 'room'}
        messages={messages}
      >
        <LiveAnnouncer />
        {stage === 'lobby' ? (
          // A given client already carries its name; only a room-made client takes it from the lobby.
          <PreJoin defaultDisplayName={displayName} showDisplayName={!client} onJoin={join} />
        ) : null}
        {stage === 'room' ? (
          <RoomStage
            layout={layout}
            chat={chat}
            onLeave={() => {
              setStage('left');
              onLeave?.();
            }}
          />
        ) : null}
        {stage === 'left' ? <LeftScreen onRejoin={() => setStage('room')} /> : null}
      </MeetingProvider>
    </div>
  );
}

function RoomStage({ layout, chat, onLeave }: { layout: GridLayout; chat: boolean; onLeave: () => void }) {
  const m = useMessages();
  const ended = useMeeting(selectEnded);
  const [chatOpen, setChatOpen] = useState(chat);
  const chatId = useId();
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
        {chat && chatOpen ? <ChatPanel id={chatId} /> : null}
      </div>
      <ControlBar onLeave={onLeave}>
        {chat ? (
          <button
            type="button"
            className="mm-button mm-toggle"
            aria-pressed={chatOpen}
            aria-controls={chatOpen ? chatId : undefined}
            data-state={chatOpen ? 'on' : 'off'}
            onClick={() => setChatOpen(!chatOpen)}
          >
            {m.toggleChat}
          </button>
        ) : null}
      </ControlBar>
      <ConnectionStatus variant="toast" />
    </div>
  );
}

function LeftScreen({ onRejoin }: { onRejoin: () => void }) {
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
