import { useEffect, useState } from 'react';
import type { MeetingClient, MeetingClientOptions } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import { joinCoordinatorFor } from '../context/join-coordinator';
import { useMeetingClient } from '../context/meeting-context';
import type { MeetingMessagesInput } from '../messages/messages';
import type { GridLayout } from '../components/participant-grid';
import { LiveAnnouncer } from '../components/live-announcer';
import { PreJoin, type PreJoinValues } from '../components/pre-join';
import { RoomStage } from './room-stage';
import { LeftScreen } from './room-screens';
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
  /** Called after the person leaves (after they confirmed). */
  onLeave?: () => void;
  /** Use this client instead of creating one (stories, tests, custom setups). */
  client?: MeetingClient;
  /** Extra client options when the room creates the client. */
  clientOptions?: Omit<MeetingClientOptions, 'serverUrl' | 'meetingId' | 'token' | 'displayName'>;
  /** Show the pre-join screen first. @default true */
  preJoin?: boolean;
  /** Offer the chat. @default true */
  chat?: boolean;
  /** Chat open on arrival: `'wide'` opens it beside a stage at least 1000 px wide (never on phones). @default 'wide' */
  defaultChatOpen?: boolean | 'wide';
  /** A soft chime when a message arrives while the chat is closed. @default false */
  chatSound?: boolean;
  /** Keyboard shortcuts: Ctrl/⌘+D microphone, Ctrl/⌘+E camera, `?` lists them. @default true */
  shortcuts?: boolean;
  /**
   * "You are muted" when you talk while muted. Listens to the microphone locally while muted
   * (never sent; the browser shows its microphone indicator). @default true
   */
  mutedSpeechHint?: boolean;
  /** The link the "Waiting for others" card copies. @default the page's address */
  inviteUrl?: string;
  /** "Back to home" on the left, ended and connection-lost screens links here. */
  homeHref?: string;
  /** `light`, `dark`, or follow the system. @default 'system' */
  theme?: 'light' | 'dark' | 'system';
  className?: string;
}

type Stage = 'lobby' | 'room' | 'left' | 'rejoining';

/** Leaves (if still in) and, once the client is idle, asks to join again: a fresh membership. */
function Rejoining({ onReady }: { onReady: () => void }) {
  const client = useMeetingClient();
  useEffect(() => {
    let current = true;
    void joinCoordinatorFor(client)
      .settled()
      .then(() => current && onReady());
    return () => {
      current = false;
    };
  }, [client, onReady]);
  return <div className="mm-room" data-state="rejoining" />;
}

/**
 * A complete meeting UI — pre-join screen (preview, microphone meter, devices, name), a stage
 * that keeps every picture whole, controls that say what they do, chat with unread counts,
 * announcements, and calm screens around the call (alone, leave confirmation, left, ended,
 * connection lost) — built from the public components. Import `@mentara/meetings/styles.css` once.
 *
 * @example
 * <MeetingRoom serverUrl="https://api.example.com" meetingId={id} token={jwt} displayName="Caregiver" homeHref="/" />
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
  defaultChatOpen = 'wide',
  chatSound = false,
  shortcuts = true,
  mutedSpeechHint = true,
  inviteUrl,
  homeHref,
  theme = 'system',
  className,
}: MeetingRoomProps) {
  // Read once by the provider; the name typed on the pre-join screen is passed to the join itself.
  // After a pre-join screen, joining keeps the camera and microphone as the person left them there.
  const [options] = useState<MeetingClientOptions>(() => ({
    ...(preJoin ? { media: { camera: false, microphone: false } } : {}),
    ...clientOptions,
    serverUrl,
    meetingId,
    token,
    displayName,
  }));
  const [joinName, setJoinName] = useState(displayName);
  const [stage, setStage] = useState<Stage>(preJoin ? 'lobby' : 'room');
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [toRoom] = useState(() => () => setStage('room'));
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
          <PreJoin defaultDisplayName={displayName} joining={joining} onJoin={(values) => void join(values)} />
        ) : null}
        {stage === 'room' ? (
          <RoomStage
            layout={layout}
            chat={chat}
            defaultChatOpen={defaultChatOpen}
            chatSound={chatSound}
            shortcuts={shortcuts}
            mutedSpeechHint={mutedSpeechHint}
            inviteUrl={inviteUrl}
            homeHref={homeHref}
            theme={theme === 'system' ? undefined : theme}
            onLeave={() => {
              setStage('left');
              onLeave?.();
            }}
            onRejoin={() => setStage('rejoining')}
          />
        ) : null}
        {stage === 'rejoining' ? <Rejoining onReady={toRoom} /> : null}
        {stage === 'left' ? <LeftScreen onRejoin={() => setStage('room')} homeHref={homeHref} /> : null}
      </MeetingProvider>
    </div>
  );
}
