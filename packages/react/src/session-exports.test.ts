import { describe, expect, it } from 'vitest';
import * as meetings from './index';

describe('@mentara/meetings session-flow exports', () => {
  it('exports the session-flow components and hooks', () => {
    const expected = [
      'useAdmission', 'useWaitingList', 'useHostControls', 'useSessionTimer', 'useBackgroundEffect', 'useNoiseSuppression',
      'WaitingRoom', 'SelfPreview', 'MicrophoneLevel', 'SessionSchedule', 'AdmitQueue', 'ParticipantList', 'HostRequestNotice',
      'LeaveDialog', 'SessionTimer', 'LockToggle', 'BackgroundEffectPicker', 'NoiseSuppressionToggle', 'ENDING_SOON_MS',
    ];
    expect(expected.filter((name) => !(name in meetings))).toEqual([]);
  });

  it('keeps their internals to itself, and the effects out of the entry', () => {
    const internal = ['ModalDialog', 'AdmissionNotice', 'WaitingEntry', 'ParticipantRow', 'loadEffects', 'playKnockSound', 'useNow', 'createBackgroundProcessor', 'createNoiseSuppressor'];
    expect(internal.filter((name) => name in meetings)).toEqual([]);
  });
});
