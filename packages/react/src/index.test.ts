import { describe, expect, it } from 'vitest';
import * as core from '@mentara/meetings-core';
import * as meetings from './index';

describe('@mentara/meetings entry', () => {
  it('re-exports every runtime export of core, by identity', () => {
    const missing = Object.keys(core).filter((name) => (meetings as Record<string, unknown>)[name] !== (core as Record<string, unknown>)[name]);
    expect(missing).toEqual([]);
  });

  it('exports the hooks, components and prefab', () => {
    const expected = [
      'MeetingProvider', 'useMeetingClient', 'useMeeting', 'useParticipants', 'useParticipantIds', 'useParticipant',
      'useLocalParticipant', 'useMediaToggle', 'useDevices', 'useChat', 'useConnectionState', 'useConnectionQuality',
      'useActiveSpeaker', 'useAudioLevel', 'usePeerStats', 'useMeetingEvent', 'useMeetingError', 'useAudioPlayback', 'useStreamAudioLevel',
      'useAttachedStream', 'VideoTile', 'ParticipantGrid', 'ControlBar', 'MediaToggleButton', 'DeviceSelect', 'ChatPanel',
      'ConnectionQualityIndicator', 'ConnectionStatus', 'StartAudioButton', 'PreJoin', 'LeaveButton', 'LiveAnnouncer',
      'MeetingErrorMessage', 'ConnectionNotice', 'AudioOnlyToggle', 'PrecallCheck', 'useConnectionNotice', 'useAudioOnly',
      'usePrecallCheck', 'connectionNoticeOf', 'connectionNoticeText', 'MeetingRoom', 'defaultMessages', 'formatMessage', 'useMessages', 'shallowEqual',
      'ChatToggleButton', 'CallTimer', 'InviteCard', 'LeaveConfirmation', 'PermissionHelp', 'PresentingBanner',
      'MutedSpeechHint', 'ConnectionDetails', 'useUnreadChat',
    ];
    expect(expected.filter((name) => !(name in meetings))).toEqual([]);
  });

  it('keeps its internals to itself', () => {
    const internal = ['findParticipant', 'joinCoordinatorFor', 'createMachine', 'MeetingClientContext', 'MessagesContext', 'mergeMessages', 'cx'];
    expect(internal.filter((name) => name in meetings)).toEqual([]);
  });
});
