import { forwardRef, useId, type SelectHTMLAttributes } from 'react';
import type { DeviceKind } from '@mentara/meetings-core';
import { useDevices } from '../hooks/use-devices';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<DeviceSelect>`. */
export interface DeviceSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  kind: DeviceKind;
  /** Visible label; defaults to the kind's message. */
  label?: string;
  /** Called after the device was switched. */
  onDeviceChange?: (deviceId: string) => void;
}

/**
 * A labelled `<select>` of cameras, microphones or speakers. Switching works mid-call.
 * Disabled when the list is empty or (speakers) the browser cannot route audio.
 */
export const DeviceSelect = forwardRef<HTMLSelectElement, DeviceSelectProps>(function DeviceSelect(
  { kind, label, onDeviceChange, className, id, disabled, ...rest },
  ref,
) {
  const devices = useDevices();
  const m = useMessages();
  const autoId = useId();
  const selectId = id ?? autoId;
  const list = kind === 'camera' ? devices.cameras : kind === 'microphone' ? devices.microphones : devices.speakers;
  const selected =
    kind === 'camera'
      ? devices.selectedCameraId
      : kind === 'microphone'
        ? devices.selectedMicrophoneId
        : devices.selectedSpeakerId;
  const unavailable = list.length === 0 || (kind === 'speaker' && !devices.canSelectSpeaker);
  return (
    <label className="mm-field" htmlFor={selectId} data-kind={kind}>
      {label ?? m[kind]}
      <select
        ref={ref}
        id={selectId}
        {...rest}
        className={cx('mm-select', className)}
        data-state={unavailable ? 'empty' : 'ready'}
        disabled={disabled || unavailable}
        value={selected ?? list[0]?.deviceId ?? ''}
        onChange={(event) => {
          const deviceId = event.target.value;
          void devices.select(kind, deviceId).then(
            () => onDeviceChange?.(deviceId),
            () => undefined,
          );
        }}
      >
        {list.length === 0 ? <option value="">{m.noDevices}</option> : null}
        {list.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || `${m[kind]} ${index + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
});
