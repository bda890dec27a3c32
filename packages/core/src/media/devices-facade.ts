import type { MeetingDevices } from '../client/types';
import { MeetingError } from '../errors/meeting-error';
import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';
import type { DeviceList } from './devices';
import type { LocalMedia } from './local-media';
import type { Playback } from './playback';

/** What `client.devices` needs. */
export interface DevicesFacadeOptions {
  assertUsable: () => void;
  getSnapshot: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  deviceList: DeviceList;
  media: LocalMedia;
  playback: Playback;
}

/**
 * `client.devices`: refresh the list; select a camera/microphone (switched live with
 * `replaceTrack` when it is on) or a speaker (`setSinkId` on every attached element).
 */
export function createDevicesFacade(o: DevicesFacadeOptions): MeetingDevices {
  return {
    async refresh() {
      o.assertUsable();
      await o.deviceList.refresh();
    },
    async select(kind, deviceId) {
      o.assertUsable();
      if (kind === 'speaker') {
        if (!o.getSnapshot().devices.canSelectSpeaker) {
          throw new MeetingError('invalid-state', 'This browser cannot choose the audio output');
        }
        await o.playback.applySpeaker(deviceId);
        o.dispatch({ type: 'devices', patch: { selectedSpeakerId: deviceId } });
        return;
      }
      o.dispatch({
        type: 'devices',
        patch: kind === 'camera' ? { selectedCameraId: deviceId } : { selectedMicrophoneId: deviceId },
      });
      await o.media.switchDevice(kind === 'camera' ? 'video' : 'audio', deviceId);
    },
  };
}
