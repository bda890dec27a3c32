import type {
  ConnectionQuality,
  ConnectionState,
  MeetingErrorCode,
  PrecallAdvice,
  PrecallReason,
  PrecallStepName,
  PrecallVerdict,
} from '@mentara/meetings-core';

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

  /* ---------- session flow: waiting room, host controls, session time, home media ---------- */
  /** Waiting room heading while a host is present. */
  waitingTitle: string;
  /** Waiting room text while a host is present. */
  waitingBody: string;
  /** Waiting room heading while no host has joined yet (`meeting.hostPresent === false`). */
  waitingForHostTitle: string;
  /** Waiting room text while no host has joined yet. */
  waitingForHostBody: string;
  /** Label before the scheduled session time. */
  sessionTime: string;
  /** The scheduled day when it is today. */
  today: string;
  /** A scheduled day and time. `{date}` and `{time}` are replaced. */
  scheduleAt: string;
  /** Heading when the session has not started yet (`meeting-not-started`). */
  notStartedTitle: string;
  /** When it starts. `{time}` is replaced (day, time and time zone). */
  notStartedStarts: string;
  /** Until joining opens. `{duration}` is replaced (e.g. `4:32`). */
  notStartedCountdown: string;
  /** Joining has opened (the not-started screen tries again by itself). */
  notStartedOpen: string;
  /** Not started, and the start time is unknown. */
  notStartedUnknown: string;
  /** Button: try joining again (not started yet, locked). */
  tryAgain: string;
  /** Heading when a host refused this person from the waiting room. */
  deniedTitle: string;
  /** Text under `deniedTitle`. */
  deniedBody: string;
  /** Heading when a host removed this person (no way back in). */
  removedTitle: string;
  /** Text under `removedTitle`. */
  removedBody: string;
  /** Heading when joining was refused because the host locked the session. */
  lockedTitle: string;
  /** Text under `lockedTitle`. */
  lockedBody: string;
  /** Button: closes a screen that ends the visit (denied, removed, locked). */
  close: string;
  /** Heading and label of the hosts' list of people waiting to be let in. */
  waitingToJoin: string;
  /** One waiting person. `{name}` is replaced. */
  personWaiting: string;
  /** Since when someone waits. `{time}` is replaced. */
  waitingSince: string;
  /** Button: let a waiting person in. */
  admit: string;
  /** Button: refuse a waiting person. */
  deny: string;
  /** Button: let everyone who waits in. */
  admitAll: string;
  /** Admitting failed because the session is full. `{name}` is replaced. */
  admitFull: string;
  /** Heading of the participant list. `{count}` is replaced. */
  participantListTitle: string;
  /** Heading of the waiting section in the participant list. `{count}` is replaced. */
  waitingListTitle: string;
  /** Badge of a host in the participant list. */
  hostBadge: string;
  /** Host button: ask someone to turn their microphone off. */
  askToMute: string;
  /** After a host asked someone to mute. `{name}` is replaced. */
  askedToMute: string;
  /** Explains what "Ask to mute" does in a peer-to-peer call. */
  askToMuteHelp: string;
  /** Host button: take someone out of the session. */
  remove: string;
  /** Remove confirmation heading. `{name}` is replaced. */
  removeTitle: string;
  /** Remove confirmation text. */
  removeBody: string;
  /** Button: close a confirmation without doing anything. */
  cancel: string;
  /** What a host's mute request did. `{name}` (the host) is replaced. */
  hostMutedMicrophone: string;
  /** What a host's request to turn off the camera did. `{name}` (the host) is replaced. */
  hostTurnedOffCamera: string;
  /** Button: turn the microphone back on after a host muted it. */
  unmute: string;
  /** Button: turn the camera back on after a host turned it off. */
  turnCameraOn: string;
  /** Button: hide a notice. */
  dismiss: string;
  /** Leave confirmation heading. */
  leaveTitle: string;
  /** Leave confirmation text for hosts. */
  leaveHostBody: string;
  /** Button: stay in the session (closes the leave dialog). */
  stay: string;
  /** Host button: end the session for everyone (the destructive choice). */
  endForAll: string;
  /** Heading of the end-for-everyone confirmation. */
  endTitle: string;
  /** Text of the end-for-everyone confirmation. */
  endBody: string;
  /** Button: confirm ending the session for everyone. */
  endConfirm: string;
  /** Button: go back one step in a dialog. */
  back: string;
  /** Label of the session timer for assistive tech. */
  sessionTimer: string;
  /** Time left. `{time}` is replaced. */
  timeLeft: string;
  /** Time since the start. `{time}` is replaced. */
  timeElapsed: string;
  /** Shown beside the timer from five minutes before the scheduled end. */
  endingSoon: string;
  /** Timer text before the session has started. */
  timerNotStarted: string;
  /** Timer text after the session has ended. */
  timerEnded: string;
  /** Host: the visible text of the extend button. `{minutes}` is replaced. */
  extendSession: string;
  /** Host: what the extend button does (its description). `{minutes}` is replaced. */
  extendSessionTitle: string;
  /** Lock toggle label while unlocked: what pressing it does. */
  lockSession: string;
  /** Lock toggle label while locked: what pressing it does. */
  unlockSession: string;
  /** Announced to hosts when someone knocks. `{name}` is replaced. */
  announceWaiting: string;
  /** Announced to a person who enters the waiting room. */
  announceWaitingRoom: string;
  /** Announced to a waiting person when a host arrives. */
  announceHostArrived: string;
  /** Announced to a waiting person when a host lets them in. */
  announceAdmitted: string;
  /** Announced to everyone when the session is locked. */
  announceLocked: string;
  /** Announced to everyone when the session is unlocked. */
  announceUnlocked: string;
  /** Announced once, five minutes before the scheduled end. */
  announceEndingSoon: string;
  /** Announced when the scheduled end moved. `{time}` is replaced. */
  announceExtended: string;
  /** Label of the background effect choice. */
  background: string;
  /** Background choice: the camera as it is. */
  backgroundNone: string;
  /** Background choice: blurred. */
  backgroundBlur: string;
  /** While a background effect loads. */
  backgroundLoading: string;
  /** A background effect could not start or stopped working. */
  backgroundFailed: string;
  /** Label of the noise suppression switch. */
  noiseSuppression: string;
  /** While noise suppression starts. */
  noiseSuppressionLoading: string;
  /** Noise suppression could not start or stopped working. */
  noiseSuppressionFailed: string;
  /** State text of a switch that is on. */
  on: string;
  /** State text of a switch that is off. */
  off: string;
  // ---- Weak links, audio only and the pre-call check (ConnectionNotice, AudioOnlyToggle, PrecallCheck) ----
  /** `<ConnectionNotice>`: one calm sentence about the connection; `{name}` is replaced. */
  linkNotice: Record<LinkNoticeMessage, string>;
  /** `<AudioOnlyToggle>` while video is sent: what pressing does. */
  audioOnlyStart: string;
  /** `<AudioOnlyToggle>` while audio only is on: what pressing does. */
  audioOnlyStop: string;
  /** `<PrecallCheck>`: title, buttons, the state of the whole check, and the measured figures (`{value}` is replaced). */
  precall: Record<PrecallMessage, string>;
  /** `<PrecallCheck>`: the name of each step, as people understand it. */
  precallStep: Record<PrecallStepName, string>;
  /** `<PrecallCheck>`: a step's verdict in a word (with a symbol, never colour alone). */
  precallVerdict: Record<PrecallVerdict | 'pending' | 'running' | 'skipped', string>;
  /** `<PrecallCheck>`: the overall verdict as a sentence, above the advice. */
  precallSummary: Record<PrecallVerdict, string>;
  /** `<PrecallCheck>`: why a step is not good, in a few words. */
  precallReason: Record<PrecallReason, string>;
  /** `<PrecallCheck>`: what to do about it, as a sentence. */
  precallAdvice: Record<PrecallAdvice, string>;

  /* ---------- call UI: controls, layouts, panels, screens around the call ---------- */
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
  /** State over a tile whose link is not up; `{name}` is not used. */
  tileState: Record<'connecting' | 'reconnecting' | 'failed', string>;
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

/** Sentences of `<ConnectionNotice>`. */
export type LinkNoticeMessage = 'reconnecting' | 'weakSelfVideoPaused' | 'weakSelf' | 'weakRemoteVideoPaused' | 'weakRemote' | 'weakRemotes';

/** Plain strings of `<PrecallCheck>`. */
export type PrecallMessage =
  | 'title'
  | 'intro'
  | 'start'
  | 'runAgain'
  | 'cancel'
  | 'running'
  | 'cancelled'
  | 'steps'
  | 'figureRtt'
  | 'figureLoss'
  | 'figureBitrate';

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

  /* ---------- session flow: waiting room, host controls, session time, home media ---------- */
  waitingTitle: 'Your host will let you in soon',
  waitingBody: 'You will join the session as soon as they do. You can check your camera and microphone while you wait.',
  waitingForHostTitle: 'Waiting for your host to join',
  waitingForHostBody: 'Your host is not here yet. When they arrive, they will let you in.',
  sessionTime: 'Session time',
  today: 'Today',
  scheduleAt: '{date}, {time}',
  notStartedTitle: 'This session has not started yet',
  notStartedStarts: 'It is scheduled for {time}.',
  notStartedCountdown: 'You can join in {duration}.',
  notStartedOpen: 'You can join now.',
  notStartedUnknown: 'Please come back a few minutes before it begins.',
  tryAgain: 'Try again',
  deniedTitle: 'The host did not let you in',
  deniedBody: 'If you think this is a mistake, please contact your host.',
  removedTitle: 'You were removed from this session',
  removedBody: 'If you have questions, please contact your host.',
  lockedTitle: 'This session is locked',
  lockedBody: 'The host has locked the session, so nobody new can join right now.',
  close: 'Close',
  waitingToJoin: 'Waiting to join',
  personWaiting: '{name} is waiting',
  waitingSince: 'Waiting since {time}',
  admit: 'Admit',
  deny: 'Deny',
  admitAll: 'Admit all',
  admitFull: 'The session is full. Someone has to leave before {name} can join.',
  participantListTitle: 'Participants ({count})',
  waitingListTitle: 'Waiting to join ({count})',
  hostBadge: 'Host',
  askToMute: 'Ask to mute',
  askedToMute: 'Asked {name} to mute',
  askToMuteHelp: 'Ask to mute turns off the person’s microphone on their own device. Only they can turn it back on.',
  remove: 'Remove',
  removeTitle: 'Remove {name} from the session?',
  removeBody: 'They won’t be able to rejoin.',
  cancel: 'Cancel',
  hostMutedMicrophone: '{name} muted your microphone. You can unmute when you’re ready.',
  hostTurnedOffCamera: '{name} turned off your camera. You can turn it back on when you’re ready.',
  unmute: 'Unmute',
  turnCameraOn: 'Turn camera on',
  dismiss: 'Dismiss',
  leaveTitle: 'Leave the session?',
  leaveHostBody: 'If you leave, the session goes on for the others.',
  stay: 'Stay',
  endForAll: 'End session for everyone',
  endTitle: 'End the session for everyone?',
  endBody: 'Everyone will be disconnected, and nobody can rejoin this session.',
  endConfirm: 'End session',
  back: 'Back',
  sessionTimer: 'Session time',
  timeLeft: '{time} left',
  timeElapsed: '{time}',
  endingSoon: 'Ending soon',
  timerNotStarted: 'Not started',
  timerEnded: 'Ended',
  extendSession: '+{minutes} min',
  extendSessionTitle: 'Add {minutes} minutes to the session',
  lockSession: 'Lock session',
  unlockSession: 'Unlock session',
  announceWaiting: '{name} is waiting to join',
  announceWaitingRoom: 'You are in the waiting room. Your host will let you in soon.',
  announceHostArrived: 'Your host has joined and will let you in soon',
  announceAdmitted: 'The host let you in',
  announceLocked: 'The host locked the session',
  announceUnlocked: 'The host unlocked the session',
  announceEndingSoon: 'The session ends in 5 minutes',
  announceExtended: 'The session now ends at {time}',
  background: 'Background',
  backgroundNone: 'None',
  backgroundBlur: 'Blur',
  backgroundLoading: 'Preparing the background…',
  backgroundFailed: 'The background effect could not run on this device, so your camera is shown as it is.',
  noiseSuppression: 'Reduce background noise',
  noiseSuppressionLoading: 'Starting noise reduction…',
  noiseSuppressionFailed: 'Noise reduction could not run on this device, so your microphone is sent as it is.',
  on: 'On',
  off: 'Off',
  // ---- Weak links, audio only and the pre-call check ----
  linkNotice: {
    reconnecting: 'Reconnecting…',
    weakSelfVideoPaused: 'Your connection is weak — your video is paused to keep the sound clear.',
    weakSelf: 'Your connection is weak — video may pause to keep the sound clear.',
    weakRemoteVideoPaused: '{name}’s connection is weak — their video is paused to keep the sound clear.',
    weakRemote: '{name}’s connection is weak.',
    weakRemotes: 'Some connections are weak — video may pause to keep the sound clear.',
  },
  audioOnlyStart: 'Switch to audio only',
  audioOnlyStop: 'Turn video back on',
  precall: {
    title: 'Check your camera, microphone and connection',
    intro: 'It takes about 15 seconds. Nothing is recorded.',
    start: 'Start check',
    runAgain: 'Run again',
    cancel: 'Stop check',
    running: 'Checking…',
    cancelled: 'The check was stopped.',
    steps: 'Check steps',
    figureRtt: '{value} ms round trip',
    figureLoss: '{value} % lost',
    figureBitrate: '{value} kbit/s',
  },
  precallStep: {
    camera: 'Camera',
    microphone: 'Microphone',
    signalling: 'Meeting service',
    relay: 'Video connection',
    network: 'Connection quality',
  },
  precallVerdict: {
    pending: 'Waiting',
    running: 'Checking…',
    skipped: 'Skipped',
    good: 'Good',
    fair: 'OK',
    poor: 'Weak',
    failed: 'Not working',
  },
  precallSummary: {
    good: 'You are ready. Everything works well.',
    fair: 'You can join. A few things could be better:',
    poor: 'You can join, but the call may be choppy:',
    failed: 'Something needs fixing before the call:',
  },
  precallReason: {
    'permission-denied': 'Access is blocked',
    'no-device': 'None found',
    'device-busy': 'In use by another app',
    'no-frames': 'No picture',
    'low-frame-rate': 'The picture is jerky',
    'dark-picture': 'The picture is very dark',
    silent: 'No sound heard',
    'level-unmeasured': 'The sound level could not be measured',
    unreachable: 'Cannot be reached',
    refused: 'Sign-in was not accepted',
    timeout: 'Took too long',
    slow: 'Slow to answer',
    'config-unavailable': 'Connection settings could not be loaded',
    'no-turn-server': 'No relay server is set up',
    'no-relay-candidates': 'Your network blocks video calls',
    'ice-failed': 'Could not connect',
    'high-latency': 'Long delay',
    'packet-loss': 'Some data gets lost',
    'low-bandwidth': 'Little bandwidth',
    'not-run': 'Not checked',
  },
  precallAdvice: {
    'allow-camera': 'Allow camera access in your browser (the camera icon in the address bar), then run the check again.',
    'connect-camera': 'Connect a camera, or check that it is switched on.',
    'close-apps-using-camera': 'Close other apps that may be using the camera, such as other video calls.',
    'improve-lighting': 'Add light in front of you — a lamp or a window facing you.',
    'allow-microphone': 'Allow microphone access in your browser, then run the check again.',
    'connect-microphone': 'Connect a microphone or headset, and close other apps that use it.',
    'unmute-microphone': 'Check that your microphone is not muted (a switch on the headset or in your settings), then say something.',
    'check-internet': 'Check that you are online, then run the check again.',
    'sign-in-again': 'Your meeting link or sign-in may have expired. Open the link again or sign in again.',
    'network-blocks-relay': 'Your network may block video calls, as some work and public Wi-Fi networks do. Try another network, such as your phone’s hotspot.',
    'contact-support': 'This needs a fix on the service’s side. Please contact support.',
    'move-closer-to-router': 'Move closer to your Wi-Fi router, or use a cable.',
    'close-apps-using-network': 'Pause downloads, streaming and other video calls on your network.',
    'try-another-network': 'If you can, try another network.',
    'expect-audio-only': 'If the connection stays weak, video pauses by itself so you can still hear each other.',
  },

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
  tileState: { connecting: 'Connecting…', reconnecting: 'Reconnecting…', failed: 'Connection lost' },
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

/** Groups of the weak-link, audio-only and pre-call strings: each may be given in part. */
const LINK_GROUPS = ['linkNotice', 'precall', 'precallStep', 'precallVerdict', 'precallSummary', 'precallReason', 'precallAdvice'] as const;
type LinkGroup = (typeof LINK_GROUPS)[number];

/** Replaces `{key}` placeholders in a message. */
export function formatMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** Replacements for any of the strings; the grouped ones (`connectionState`, `quality`, `tileState`, `permissionSteps`, `errors` and the weak-link and pre-call groups) may be partial too. */
export type MeetingMessagesInput = Partial<Omit<MeetingMessages, 'connectionState' | 'quality' | 'tileState' | 'permissionSteps' | LinkGroup>> & {
  connectionState?: Partial<MeetingMessages['connectionState']>;
  quality?: Partial<MeetingMessages['quality']>;
  tileState?: Partial<MeetingMessages['tileState']>;
  permissionSteps?: Partial<MeetingMessages['permissionSteps']>;
} & { [K in LinkGroup]?: Partial<MeetingMessages[K]> };

/** Merges a partial override into the defaults (one level deep for the grouped records). */
export function mergeMessages(overrides: MeetingMessagesInput | undefined): MeetingMessages {
  if (!overrides) return defaultMessages;
  return {
    ...defaultMessages,
    ...overrides,
    connectionState: { ...defaultMessages.connectionState, ...overrides.connectionState },
    quality: { ...defaultMessages.quality, ...overrides.quality },
    errors: { ...defaultMessages.errors, ...overrides.errors },
    ...(Object.fromEntries(LINK_GROUPS.map((k) => [k, { ...defaultMessages[k], ...overrides[k] }])) as Pick<MeetingMessages, LinkGroup>),
    tileState: { ...defaultMessages.tileState, ...overrides.tileState },
    permissionSteps: { ...defaultMessages.permissionSteps, ...overrides.permissionSteps },
  };
}
