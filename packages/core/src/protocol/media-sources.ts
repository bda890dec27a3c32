import type { MediaState, TrackSource } from './types';

export type { TrackSource };

/**
 * The kind of a track, as `MediaStreamTrack.kind`: what a peer connection's sender carries.
 * The camera's track is `video`, the microphone's `audio`.
 */
export type TrackKind = 'audio' | 'video';

/** A stream a participant sends: their camera (with their microphone's audio) or their screen share. */
export type StreamSource = Extract<TrackSource, 'camera' | 'screen'>;

/** A device a person can pick: the capture sources plus the audio output. */
export type DeviceKind = Exclude<TrackSource, 'screen'> | 'speaker';

/** A capture source that has its own device and one track: the camera or the microphone. */
export type CaptureSource = Exclude<TrackSource, 'screen'>;

/** The track kind of a capture source. */
export const KIND_OF: Readonly<Record<CaptureSource, TrackKind>> = { camera: 'video', microphone: 'audio' };

/** The capture source of a track kind. */
export const SOURCE_OF: Readonly<Record<TrackKind, CaptureSource>> = { video: 'camera', audio: 'microphone' };

/** Every source, in display order. */
export const TRACK_SOURCES: readonly TrackSource[] = ['microphone', 'camera', 'screen'];

/** Nothing published. */
export const NO_MEDIA: Readonly<MediaState> = Object.freeze({ camera: false, microphone: false, screen: false });

/**
 * How much camera video one side sends another: three steps of resolution and frame rate, then
 * `paused` (audio only). Ordered from most to least. Used by the link policy, the snapshot and
 * the control messages peers exchange on their data channel.
 */
export type VideoLevel = 'high' | 'medium' | 'low' | 'paused';

/**
 * Why video is reduced or paused, in words a person understands: `network` (the sender's link
 * cannot carry it with clear audio), `requested` (the receiver's link is poor and it asked for
 * less), `audio-only` (the person chose to send no video), `camera` (the sender's camera gives no
 * picture: frozen, unplugged, or a kind the browser cannot send, so what would arrive is a still frame).
 */
export type VideoLimitReason = 'network' | 'requested' | 'audio-only' | 'camera';
