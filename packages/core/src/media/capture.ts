import type { CaptureSource } from '../protocol/media-sources';
import type { MediaDevicesLike } from './types';
import { missingMediaDevicesError, toMediaError } from './media-errors';

/** Resolution we ask cameras for; browsers pick the closest they support. */
const VIDEO_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
const AUDIO_CONSTRAINTS: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/**
 * Capture one camera or microphone track. Rejects with a typed `MeetingError`
 * (`permission-denied`, `device-in-use`, `device-not-found`, …).
 */
export async function captureTrack(
  devices: MediaDevicesLike | undefined,
  source: CaptureSource,
  deviceId: string | null,
): Promise<MediaStreamTrack> {
  if (!devices) throw missingMediaDevicesError();
  const base = source === 'camera' ? VIDEO_CONSTRAINTS : AUDIO_CONSTRAINTS;
  const constraints: MediaTrackConstraints = deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia(source === 'camera' ? { video: constraints } : { audio: constraints });
  } catch (error) {
    throw toMediaError(error);
  }
  const [track, ...extra] = source === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks();
  extra.forEach((t) => t.stop());
  if (!track) throw toMediaError({ name: 'NotFoundError' });
  return track;
}

/**
 * Capture camera and microphone with ONE getUserMedia call: browsers serve capture requests one
 * at a time, so two calls open the devices one after the other. Rejects like `captureTrack`.
 */
export async function captureCameraAndMicrophone(
  devices: MediaDevicesLike | undefined,
  deviceIds: Record<CaptureSource, string | null>,
): Promise<Record<CaptureSource, MediaStreamTrack>> {
  if (!devices) throw missingMediaDevicesError();
  const withDevice = (base: MediaTrackConstraints, id: string | null) => (id ? { ...base, deviceId: { exact: id } } : base);
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({
      video: withDevice(VIDEO_CONSTRAINTS, deviceIds.camera),
      audio: withDevice(AUDIO_CONSTRAINTS, deviceIds.microphone),
    });
  } catch (error) {
    throw toMediaError(error);
  }
  const [video, ...extraVideo] = stream.getVideoTracks();
  const [audio, ...extraAudio] = stream.getAudioTracks();
  [...extraVideo, ...extraAudio].forEach((t) => t.stop());
  if (!video || !audio) {
    video?.stop();
    audio?.stop();
    throw toMediaError({ name: 'NotFoundError' });
  }
  return { camera: video, microphone: audio };
}

/** Capture the screen (or a window/tab) as a video-only stream. */
export async function captureScreen(devices: MediaDevicesLike | undefined): Promise<MediaStream> {
  if (!devices) throw missingMediaDevicesError();
  if (!devices.getDisplayMedia) throw toMediaError({ name: 'NotSupportedError' });
  try {
    const stream = await devices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false });
    stream.getAudioTracks().forEach((t) => {
      t.stop();
      stream.removeTrack(t);
    });
    return stream;
  } catch (error) {
    throw toMediaError(error);
  }
}
