import { useState } from 'react';
import type { MeetingClient, MeetingClientOptions } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import type { MeetingMessagesInput } from '../messages/messages';
import type { GridLayout } from '../components/participant-grid';
import { LiveAnnouncer } from '../components/live-announcer';
import { PreJoin, type PreJoinValues } from '../components/pre-join';
import { LeftScreen, RoomStage } from './room-stage';
import { cx } from '../utils/class-names';

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
  messages?: MeetingMessagesInput;
  /**
   * Called when the person presses Join on the pre-join screen, before joining — e.g. to fetch a
   * token for the chosen name (return it from `clientOptions.getToken`). A rejection stays in the
   * lobby and shows its message.
   */
  onJoin?: (values: PreJoinValues) => void | Promise<void>;
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

/**
 * A complete meeting UI — pre-join screen, participant grid, controls, chat, connection status,
 * announcements — built only from the public components. Import `@mentara/meetings/styles.css` once.
 *
 * @example
 * <MeetingRoom serverUrl="https://api.example.com" meetingId={id} token={jwt} displayName="Caregiver" onLeave={close} />
 */
export function MeetingRoom({
  serverUrl = '',
  meetingId,
  token,
  displayName,
  layout = 'auto',
  messages,
  onJoin,
  onLeave,
  client,
  clientOptions,
  preJoin = true,
  chat = true,
  theme = 'system',
  className,
}: MeetingRoomProps) {
  // Read once by the provider; the name typed on the pre-join screen is passed to the join itself.
  const [options] = useState<MeetingClientOptions>(() => ({ ...clientOptions, serverUrl, meetingId, token, displayName }));
  const [joinName, setJoinName] = useState(displayName);
  const [stage, setStage] = useState<Stage>(preJoin ? 'lobby' : 'room');
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const join = async (values: PreJoinValues) => {
    if (values.displayName) setJoinName(values.displayName);
    setJoinError(null);
    if (onJoin) {
      setJoining(true);
      try {
        await onJoin(values);
      } catch (error) {
        setJoinError(error instanceof Error ? error.message : String(error));
        return;
      } finally {
        setJoining(false);
      }
    }
    setStage('room');
  };
  return (
    <div
      className={cx('mm-root mm-meeting', className)}
      data-theme={theme === 'system' ? undefined : theme}
      data-state={stage}
    >
      <MeetingProvider
        client={client}
        options={client ? undefined : options}
        meetingId={meetingId}
        displayName={joinName}
        join={stage === 'room'}
        messages={messages}
      >
        <LiveAnnouncer />
        {stage === 'lobby' && joinError ? (
          <p role="alert" className="mm-error">
            {joinError}
          </p>
        ) : null}
        {stage === 'lobby' ? (
          <PreJoin
            defaultDisplayName={displayName}
            joining={joining}
            onJoin={(values) => void join(values)}
          />
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
