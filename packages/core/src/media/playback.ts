import { MeetingError } from '../errors/meeting-error';

/**
 * Audio/video elements that play remote media. The client starts playback, routes audio to the
 * selected speaker (`setSinkId`) and detects blocked autoplay (`snapshot.audioPlaybackBlocked`).
 */
export interface MeetingPlayback {
  /**
   * Register an element that plays a participant's stream (set `srcObject` first). Returns the
   * disposer; call it when the element unmounts.
   */
  attach(element: HTMLMediaElement): () => void;
}

/** Options of `createPlayback`. */
export interface PlaybackOptions {
  speakerId: () => string | null;
  setBlocked: (blocked: boolean) => void;
  onError: (error: MeetingError) => void;
}

/** Elements playing remote media: autoplay detection, `startAudio()`, speaker routing. */
export interface Playback {
  attach(element: HTMLMediaElement): () => void;
  /** Retry `play()` on every element (inside a user gesture). */
  resume(): Promise<void>;
  /** Route every element to `deviceId` where `setSinkId` exists. */
  applySpeaker(deviceId: string): Promise<void>;
  clear(): void;
}

type SinkElement = HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };

/** Create the playback unit. */
export function createPlayback(o: PlaybackOptions): Playback {
  const elements = new Set<SinkElement>();
  let blocked = false;

  const setBlocked = (value: boolean) => {
    if (blocked === value) return;
    blocked = value;
    o.setBlocked(value);
    if (value) o.onError(new MeetingError('autoplay-blocked'));
  };

  async function play(element: SinkElement): Promise<boolean> {
    try {
      await element.play();
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'NotAllowedError') {
        setBlocked(true);
        return false;
      }
      return true; // AbortError: a new srcObject replaced the load; not a policy block.
    }
  }

  return {
    attach(element) {
      const el = element as SinkElement;
      elements.add(el);
      const speaker = o.speakerId();
      if (speaker && el.setSinkId) el.setSinkId(speaker).catch(() => {});
      void play(el);
      return () => {
        elements.delete(el);
      };
    },
    async resume() {
      const results = await Promise.all([...elements].map(play));
      if (results.every(Boolean)) setBlocked(false);
    },
    async applySpeaker(deviceId) {
      await Promise.all([...elements].map((el) => el.setSinkId?.(deviceId)));
    },
    clear() {
      elements.clear();
    },
  };
}
