import type { StreamLabels } from '../media/local-tracks';
import type { StreamSource } from '../protocol/media-sources';

export type { StreamLabels };

const TAG = 'mentara:streams';

/** Encode labels as a data-channel message. */
export function encodeStreamLabels(labels: StreamLabels): string {
  return JSON.stringify({ t: TAG, camera: labels.camera, screen: labels.screen });
}

/** Decode a data-channel message; `null` for anything that is not a labels message. */
export function decodeStreamLabels(text: string): StreamLabels | null {
  try {
    const v = JSON.parse(text) as { t?: unknown; camera?: unknown; screen?: unknown };
    if (v.t !== TAG) return null;
    return {
      camera: typeof v.camera === 'string' ? v.camera : null,
      screen: typeof v.screen === 'string' ? v.screen : null,
    };
  } catch {
    return null;
  }
}

/**
 * Decide which received stream is which. Labelled ids win; without labels (yet) the first
 * stream is the camera and a second one the screen.
 */
export function classifyStreams(
  streams: readonly MediaStream[],
  labels: StreamLabels | null,
): Record<StreamSource, MediaStream | null> {
  if (labels) {
    return {
      camera: streams.find((s) => s.id === labels.camera) ?? null,
      screen: streams.find((s) => s.id === labels.screen) ?? null,
    };
  }
  return { camera: streams[0] ?? null, screen: streams[1] ?? null };
}
