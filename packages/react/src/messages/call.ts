import type { ConnectionQuality, ConnectionState, MeetingErrorCode } from '@mentara/meetings-core';

/** Strings of the call itself: controls, pre-join, tiles, chat, layouts, panels and the screens around the call. */
export interface CallMessages {
  you: string;
  /** Label of a participant whose name is unknown. */
  guest: string;
  cameraOn: string;
  cameraOff: string;
  microphoneOn: string;
  microphoneOff: string;
  screenShareStart: string;
  screenShareStop: string;
  /**
   * Names of the media toggles (keyboard shortcut help, your own buttons). The buttons themselves say
   * what pressing them does: `mute` / `unmute`, `startCamera` / `stopCamera`, `screenShareStart` / `screenShareStop`.
   */
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

  /** Microphone button while the microphone is on (pressing it mutes). */
  mute: string;
  /** Camera button while the camera is on. */
  stopCamera: string;
  /** Camera button while the camera is off. */
  startCamera: string;
  /** Button that opens the menu of further actions. */
  moreOptions: string;
  /** Button and panel that list the people in the meeting. */
  people: string;
  /** Close button of a panel; `{name}` is the panel's name. */
  closePanel: string;
  /** Unread chat messages, after the chat button's label; `{count}` is replaced. */
  chatUnread: string;
  /** First link of the room (shown on focus): moves focus to the controls. */
  skipToControls: string;
  /** Name of the region that shows the people (landmark). */
  stage: string;
  /** Leave confirmation: title, body, confirm and cancel. */
  leaveConfirmTitle: string;
  leaveConfirmBody: string;
  leaveConfirm: string;
  /** Link back to the app on the left/ended screens. */
  backHome: string;
  /** Screen shown when the connection was lost for good (the error hint follows). */
  connectionLostTitle: string;
  /** Alone in the meeting: title, text, link label, copy button and its confirmation. */
  aloneTitle: string;
  aloneBody: string;
  meetingLink: string;
  copyLink: string;
  linkCopied: string;
  /** Banner the presenter sees instead of their own screen, and its stop button. */
  presentingBanner: string;
  stopPresenting: string;
  /** Shown when you speak while muted. */
  mutedSpeechHint: string;
  /** Accessible name of the elapsed-time display. */
  callDuration: string;
  /** Tile actions. */
  unpin: string;
  connectionDetails: string;
  /** State over a tile whose link is not up, or (`cameraStalled`) whose camera is on but gives no picture. */
  tileState: Record<'connecting' | 'reconnecting' | 'failed' | 'cameraStalled', string>;
  /** Rows of the connection details. */
  detailsRoundTrip: string;
  detailsPacketLoss: string;
  detailsReceiving: string;
  detailsSending: string;
  detailsRoute: string;
  routeDirect: string;
  routeRelay: string;
  notMeasured: string;
  /** Menu item that shows the other person in a floating window. */
  pictureInPicture: string;
  /** Menu item that moves your own small video to the next corner. */
  moveSelfView: string;
  /** Keyboard shortcuts: menu item, dialog title and what each does. */
  keyboardShortcuts: string;
  shortcutMicrophone: string;
  shortcutCamera: string;
  shortcutHelp: string;
  /** Camera or microphone blocked: title, steps per browser (one step a line), retry and ways to join anyway. */
  permissionTitle: string;
  permissionSteps: Record<'chromium' | 'firefox' | 'safari' | 'other', string>;
  permissionRetry: string;
  joinAudioOnly: string;
  joinWithoutDevices: string;
  /** Heading of the default People panel; `{count}` is replaced. */
  peopleCount: string;
  /** Heading of the pre-join screen. */
  preJoinTitle: string;
}

/** English defaults of {@link CallMessages}. */
export const callMessages: CallMessages = {
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

  mute: 'Mute',
  stopCamera: 'Stop camera',
  startCamera: 'Start camera',
  moreOptions: 'More options',
  people: 'People',
  closePanel: 'Close {name}',
  chatUnread: '{count} unread',
  skipToControls: 'Skip to meeting controls',
  stage: 'Call',
  leaveConfirmTitle: 'Leave the meeting?',
  leaveConfirmBody: 'You can come back with the same link while the meeting lasts.',
  leaveConfirm: 'Leave meeting',
  backHome: 'Back to home',
  connectionLostTitle: 'The connection to the meeting was lost',
  aloneTitle: 'Waiting for others to join',
  aloneBody: 'You are the only one here. Share the meeting link with the people you are meeting.',
  meetingLink: 'Meeting link',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  presentingBanner: 'You are presenting your screen to everyone',
  stopPresenting: 'Stop presenting',
  mutedSpeechHint: 'You are muted. Press Unmute to be heard.',
  callDuration: 'Call duration',
  unpin: 'Unpin',
  connectionDetails: 'Connection details',
  tileState: { connecting: 'Connecting…', reconnecting: 'Reconnecting…', failed: 'Connection lost', cameraStalled: 'No picture from camera' },
  detailsRoundTrip: 'Round trip',
  detailsPacketLoss: 'Packet loss',
  detailsReceiving: 'Receiving',
  detailsSending: 'Sending',
  detailsRoute: 'Route',
  routeDirect: 'Direct',
  routeRelay: 'Relayed through a server',
  notMeasured: 'Not measured yet',
  pictureInPicture: 'Picture-in-picture',
  moveSelfView: 'Move your video',
  keyboardShortcuts: 'Keyboard shortcuts',
  shortcutMicrophone: 'Mute or unmute',
  shortcutCamera: 'Start or stop camera',
  shortcutHelp: 'Show keyboard shortcuts',
  permissionTitle: 'Your browser is blocking the camera or microphone',
  permissionSteps: {
    chromium: 'Click the camera icon (or the settings icon) at the left end of the address bar.\nSet Camera and Microphone to Allow.\nPress Try again.',
    firefox: 'Click the crossed-out camera or microphone icon in the address bar.\nClear the Blocked permissions.\nPress Try again and choose Allow.',
    safari: 'Open Safari > Settings for This Website (on iPhone or iPad: aA in the address bar > Website Settings).\nSet Camera and Microphone to Allow.\nPress Try again.',
    other: 'Open your browser\u2019s site settings for this page.\nAllow the camera and microphone.\nPress Try again.',
  },
  permissionRetry: 'Try again',
  joinAudioOnly: 'Join with audio only',
  joinWithoutDevices: 'Join without camera or microphone',
  peopleCount: '{count} in the meeting',
  preJoinTitle: 'Ready to join?',
};
