import type { ConnectionQuality, ConnectionState, MeetingErrorCode } from '@mentara/meetings-core';

/**
 * Every user-visible string of the React layer. Pass a partial object as the `messages` prop of
 * `<MeetingProvider>` or `<MeetingRoom>` to translate or reword; anything not given falls back to English.
 */
export interface MeetingMessages {
  you: string;
  /** Label of a participant whose name is unknown. */
  guest: string;
  cameraOn: string;
  cameraOff: string;
  microphoneOn: string;
  microphoneOff: string;
  screenShareStart: string;
  screenShareStop: string;
  /** Button labels: what pressing the toggle does. */
  toggleCamera: string;
  toggleMicrophone: string;
  toggleScreen: string;
  leave: string;
  join: string;
  joining: string;
  startAudio: string;
  camera: string;
  microphone: string;
  speaker: string;
  noDevices: string;
  displayName: string;
  displayNamePlaceholder: string;
  microphoneLevel: string;
  cameraPreview: string;
  previewOff: string;
  chat: string;
  /** Label of the button that shows/hides the chat panel. */
  toggleChat: string;
  /** Label of the button that shows/hides the device settings, and of that panel. */
  toggleDevices: string;
  devices: string;
  leftTitle: string;
  rejoin: string;
  meetingEnded: string;
  chatEmpty: string;
  chatInputLabel: string;
  chatPlaceholder: string;
  send: string;
  controls: string;
  participants: string;
  pin: string;
  /** Label of a screen-share tile. `{name}` is replaced. */
  screenOf: string;
  muted: string;
  speaking: string;
  connectionState: Record<ConnectionState, string>;
  quality: Record<ConnectionQuality, string>;
  /** Live-region announcements; `{name}` is replaced. */
  announceJoined: string;
  announceLeft: string;
  announceChat: string;
  /** User-facing text per error code; falls back to the error's own hint. */
  errors: Partial<Record<MeetingErrorCode, string>>;
}

/** English defaults. */
export const defaultMessages: MeetingMessages = {
  you: 'You',
  guest: 'Guest',
  cameraOn: 'Camera on',
  cameraOff: 'Camera off',
  microphoneOn: 'Microphone on',
  microphoneOff: 'Microphone off',
  screenShareStart: 'Share screen',
  screenShareStop: 'Stop sharing',
  toggleCamera: 'Camera',
  toggleMicrophone: 'Microphone',
  toggleScreen: 'Share screen',
  leave: 'Leave',
  join: 'Join meeting',
  joining: 'Joining…',
  startAudio: 'Turn on sound',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  noDevices: 'No devices found',
  displayName: 'Your name',
  displayNamePlaceholder: 'How others will see you',
  microphoneLevel: 'Microphone level',
  cameraPreview: 'Camera preview',
  previewOff: 'Your camera is off',
  chat: 'Chat',
  toggleChat: 'Chat',
  toggleDevices: 'Devices',
  devices: 'Devices',
  leftTitle: 'You left the meeting.',
  rejoin: 'Rejoin',
  meetingEnded: 'The meeting has ended.',
  chatEmpty: 'No messages yet.',
  chatInputLabel: 'Message',
  chatPlaceholder: 'Write a message…',
  send: 'Send',
  controls: 'Meeting controls',
  participants: 'Participants',
  pin: 'Pin',
  screenOf: 'Screen of {name}',
  muted: 'Muted',
  speaking: 'Speaking',
  connectionState: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    disconnected: 'Disconnected',
    failed: 'Connection failed',
  },
  quality: {
    unknown: 'Connection quality unknown',
    good: 'Good connection',
    fair: 'Fair connection',
    poor: 'Poor connection',
    lost: 'Connection lost',
  },
  announceJoined: '{name} joined',
  announceLeft: '{name} left',
  announceChat: '{name}: {text}',
  errors: {},
};

/** Replaces `{key}` placeholders in a message. */
export function formatMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** Replacements for any of the strings; the grouped ones (`connectionState`, `quality`, `errors`) may be partial too. */
export type MeetingMessagesInput = Partial<Omit<MeetingMessages, 'connectionState' | 'quality'>> & {
  connectionState?: Partial<MeetingMessages['connectionState']>;
  quality?: Partial<MeetingMessages['quality']>;
};

/** Merges a partial override into the defaults (one level deep for the grouped records). */
export function mergeMessages(overrides: MeetingMessagesInput | undefined): MeetingMessages {
  if (!overrides) return defaultMessages;
  return {
    ...defaultMessages,
    ...overrides,
    connectionState: { ...defaultMessages.connectionState, ...overrides.connectionState },
    quality: { ...defaultMessages.quality, ...overrides.quality },
    errors: { ...defaultMessages.errors, ...overrides.errors },
  };
}
