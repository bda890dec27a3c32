import type { PrecallAdvice, PrecallReason, PrecallStepName, PrecallVerdict } from '@mentara/meetings-core';

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

/** Strings of weak links, audio only and the pre-call check (`<ConnectionNotice>`, `<AudioOnlyToggle>`, `<PrecallCheck>`). */
export interface LinkMessages {
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
}

/** English defaults of {@link LinkMessages}. */
export const linkMessages: LinkMessages = {
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
};
