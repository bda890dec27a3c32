/**
 * Measurements for the effects tests: sharpness and differences of picture regions, and the
 * energy of recorded audio between words and during speech.
 */

/** A frame read back from the page. */
export interface Frame {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Decodes the page's `{ width, height, rgba: base64 }`. */
export function decodeFrame(grab: { width: number; height: number; rgba: string }): Frame {
  return { width: grab.width, height: grab.height, rgba: new Uint8Array(Buffer.from(grab.rgba, 'base64')) };
}

/** Pixels at least `margin` pixels away from any pixel with the other value (1 inside, 0 outside). */
export function shrinkRegion(mask: Uint8Array, width: number, height: number, value: 0 | 1, margin: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  // Distance along rows, then columns (a square neighbourhood, enough for a safety margin).
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x < width; x++) run = mask[y * width + x] === value ? run + 1 : 0;
    for (let x = 0; x < width; x++) {
      let ok = 1;
      for (let d = -margin; d <= margin && ok; d++) {
        const xx = x + d;
        if (xx >= 0 && xx < width && mask[y * width + xx] !== value) ok = 0;
      }
      rows[y * width + x] = ok;
    }
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      let ok = rows[y * width + x]!;
      for (let d = -margin; d <= margin && ok; d++) {
        const yy = y + d;
        if (yy >= 0 && yy < height && !rows[yy * width + x]) ok = 0;
      }
      out[y * width + x] = ok;
    }
  }
  return out;
}

const luma = (f: Frame, i: number) => 0.299 * f.rgba[i * 4]! + 0.587 * f.rgba[i * 4 + 1]! + 0.114 * f.rgba[i * 4 + 2]!;

/** Mean squared Laplacian of luma over `region`: how much fine detail (edges) it has. */
export function sharpness(frame: Frame, region: Uint8Array): number {
  const { width: w, height: h } = frame;
  let sum = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!region[i]) continue;
      const lap = 4 * luma(frame, i) - luma(frame, i - 1) - luma(frame, i + 1) - luma(frame, i - w) - luma(frame, i + w);
      sum += lap * lap;
      n += 1;
    }
  }
  return sum / n;
}

/** Mean absolute difference per colour channel (0–255) between two frames over `region`. */
export function meanAbsDiff(a: Frame, b: Frame | Uint8Array, region: Uint8Array): number {
  const other = b instanceof Uint8Array ? b : b.rgba;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < region.length; i++) {
    if (!region[i]) continue;
    for (let c = 0; c < 3; c++) sum += Math.abs(a.rgba[i * 4 + c]! - other[i * 4 + c]!);
    n += 3;
  }
  return sum / n;
}

/** 10 ms frames at 48 kHz. */
const FRAME = 480;

/** Mean power of each 10 ms frame. */
export function framePowers(samples: Float32Array): Float64Array {
  const out = new Float64Array(Math.floor(samples.length / FRAME));
  for (let f = 0; f < out.length; f++) {
    let sum = 0;
    for (let i = f * FRAME; i < (f + 1) * FRAME; i++) sum += samples[i]! * samples[i]!;
    out[f] = sum / FRAME;
  }
  return out;
}

const db = (power: number) => 10 * Math.log10(power);

/**
 * Where the recording starts in the looping fixture, in frames: the offset whose fixture
 * envelope best matches the recorded one (correlation of log energies).
 */
export function loopOffset(recorded: Float64Array, fixture: Float64Array): number {
  const level = (p: number) => Math.max(-90, db(p + 1e-12));
  let best = 0;
  let bestScore = -Infinity;
  for (let offset = 0; offset < fixture.length; offset++) {
    let score = 0;
    for (let j = 0; j < recorded.length; j++) score -= Math.abs(level(recorded[j]!) - level(fixture[(j + offset) % fixture.length]!));
    if (score > bestScore) [best, bestScore] = [offset, score];
  }
  return best;
}

/** Energies of a raw/processed recording pair, split by what the clean speech is doing. */
export interface NoiseReport {
  /** Raw minus processed energy between words, dB (how much noise was removed). */
  noiseReductionDb: number;
  /** Processed minus clean-speech energy while speaking, dB (speech kept: near 0). */
  speechChangeDb: number;
  /** Raw minus clean-speech energy while speaking, dB (the noise on top of the speech). */
  rawSpeechExcessDb: number;
  gapFrames: number;
  speechFrames: number;
}

/**
 * Compares a raw and a processed recording (same length, sample-aligned) against the clean
 * speech of the fixture: "gap" frames are 10 ms frames whose clean speech, ±80 ms around, is
 * below −60 dBFS; "speech" frames are within 20 dB of the loudest clean speech frame.
 */
export function noiseReport(raw: Float32Array, processed: Float32Array, mixture: Float32Array, speech: Float32Array): NoiseReport {
  const rawP = framePowers(raw);
  const procP = framePowers(processed);
  const speechP = framePowers(speech);
  const offset = loopOffset(rawP.subarray(0, Math.min(rawP.length, 400)), framePowers(mixture));
  const at = (j: number) => speechP[(j + offset) % speechP.length]!;
  const loudest = Math.max(...speechP);
  const sums = { gapRaw: 0, gapProc: 0, gaps: 0, spRaw: 0, spProc: 0, spClean: 0, speech: 0 };
  for (let j = 8; j < rawP.length - 8; j++) {
    let quiet = true;
    for (let k = -8; k <= 8 && quiet; k++) if (at(j + k) > 1e-6) quiet = false;
    if (quiet) {
      sums.gapRaw += rawP[j]!;
      sums.gapProc += procP[j]!;
      sums.gaps += 1;
    } else if (at(j) > loudest / 100) {
      sums.spRaw += rawP[j]!;
      sums.spProc += procP[j]!;
      sums.spClean += at(j);
      sums.speech += 1;
    }
  }
  return {
    noiseReductionDb: db(sums.gapRaw / sums.gapProc),
    speechChangeDb: db(sums.spProc / sums.spClean),
    rawSpeechExcessDb: db(sums.spRaw / sums.spClean),
    gapFrames: sums.gaps,
    speechFrames: sums.speech,
  };
}
