/** Strings of the session flow: waiting room, host controls, session time, home media. */
export interface SessionMessages {
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
}

/** English defaults of {@link SessionMessages}. */
export const sessionMessages: SessionMessages = {
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
};
