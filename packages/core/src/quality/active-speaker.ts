/** Per-update decay of a level once the sound stops (0.7 per 500 ms sample ≈ 3 s to silence). */
const RELEASE = 0.7;

/** Options of the active-speaker detector. */
export interface ActiveSpeakerOptions {
  /** Smoothed level (0–1) above which someone counts as speaking. @default 0.03 */
  threshold?: number;
  /** How long a new speaker must lead before the active speaker switches. @default 1000 */
  holdMs?: number;
}

/** Result of one detector update. */
export interface SpeakerLevels {
  /** Smoothed level per participant, rounded to 0.05 steps (so unchanged levels keep state). */
  levels: Record<string, number>;
  activeSpeakerId: string | null;
}

/**
 * Active speaker from audio levels: levels rise at once and decay slowly (pauses between words
 * keep the speaker), the loudest participant above the threshold becomes active after leading
 * for `holdMs`, so short noises do not flip the view.
 */
export function createActiveSpeakerDetector(options: ActiveSpeakerOptions = {}) {
  const threshold = options.threshold ?? 0.03;
  const holdMs = options.holdMs ?? 1_000;
  const smoothed = new Map<string, number>();
  let active: string | null = null;
  let candidate: { id: string | null; since: number } | null = null;

  return {
    update(raw: Readonly<Record<string, number>>, now: number): SpeakerLevels {
      for (const id of smoothed.keys()) if (!(id in raw)) smoothed.delete(id);
      let loudest: string | null = null;
      let loudestLevel = threshold;
      const levels: Record<string, number> = {};
      for (const [id, level] of Object.entries(raw)) {
        // Fast attack, slow release: pauses between words do not drop a speaker.
        const value = Math.max(level, (smoothed.get(id) ?? 0) * RELEASE);
        smoothed.set(id, value);
        levels[id] = Math.round(value * 20) / 20;
        if (value > loudestLevel) {
          loudest = id;
          loudestLevel = value;
        }
      }
      if (loudest === active) candidate = null;
      else if (!candidate || candidate.id !== loudest) candidate = { id: loudest, since: now };
      else if (now - candidate.since >= holdMs) {
        active = loudest;
        candidate = null;
      }
      if (active !== null && !(active in raw)) active = null;
      return { levels, activeSpeakerId: active };
    },
  };
}
