import { DeviceSelect, useConnectionState } from '@mentara/meetings';

/**
 * Camera, microphone and speaker choice during the call, built from the public
 * `<DeviceSelect>` component beside the `<MeetingRoom/>` prefab (same client). A camera or
 * microphone switch replaces the track on every peer connection without renegotiating.
 */
export function DevicesPanel() {
  const connection = useConnectionState();
  if (connection !== 'connected' && connection !== 'reconnecting') return null;
  return (
    <div className="mm-root qs-devices-bar">
      <details className="qs-devices">
        <summary>Devices</summary>
        <div className="qs-devices__panel">
          <DeviceSelect kind="camera" />
          <DeviceSelect kind="microphone" />
          <DeviceSelect kind="speaker" />
        </div>
      </details>
    </div>
  );
}
