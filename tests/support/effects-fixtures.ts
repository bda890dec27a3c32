/**
 * Media made at test time for the effects tests: a camera file (a person in a detailed room),
 * a replacement background picture, and a microphone file (speech with pauses, plus noise).
 * Written into a temporary folder; nothing is committed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawScene, sceneToY4m, type Scene } from './effects-scene';
import { encodePng } from './png';

/** Sample rate of the microphone fixture (RNNoise's own rate). */
export const AUDIO_RATE = 48_000;

/** Paths and contents of the generated fixtures. */
export interface EffectFixtures {
  scene: Scene;
  /** For `--use-file-for-fake-video-capture`. */
  y4m: string;
  /** The replacement background, same size as the camera, and its pixels. */
  backgroundPng: string;
  background: Uint8Array;
  /** For `--use-file-for-fake-audio-capture`: speech + noise, 48 kHz mono. */
  micWav: string;
  /** The speech alone, aligned with `micWav` (Float32, −1…1). */
  speech: Float32Array;
  /** The noise alone, aligned with `micWav`. */
  noise: Float32Array;
}

/** A smooth replacement picture: a sky-to-meadow gradient with soft hills (no fine detail). */
function backgroundPicture(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const hill = height * (0.62 + 0.06 * Math.sin(x / 90));
      const [r, g, b] = y < hill ? [120 + (y / hill) * 80, 170 + (y / hill) * 50, 235] : [70, 150 - ((y - hill) / height) * 60, 80];
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

/** Reads a 16-bit mono PCM WAV written by sox into floats. */
export function readWav(path: string): Float32Array {
  const bytes = readFileSync(path);
  let offset = 12;
  while (offset < bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') {
      const samples = new Float32Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(offset + 8 + i * 2) / 32768;
      return samples;
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

const PHRASES = [
  'Thank you for joining today.',
  'How have you been sleeping this week?',
  'Take a slow breath, and tell me what happened.',
];

/**
 * Speech (espeak-ng) with a second of silence before, between and after the phrases, and
 * steady noise (pink noise plus a low hum, like a fan) at about 12 dB below the speech.
 */
function makeMicrophone(dir: string): { micWav: string; speech: Float32Array; noise: Float32Array } {
  const sox = (...args: string[]) => execFileSync('sox', args, { stdio: 'pipe' });
  const parts: string[] = [];
  const silence = join(dir, 'silence.wav');
  sox('-n', '-r', String(AUDIO_RATE), '-c', '1', '-b', '16', silence, 'trim', '0', '1.0');
  parts.push(silence);
  PHRASES.forEach((text, i) => {
    const raw = join(dir, `phrase-${i}.wav`);
    const resampled = join(dir, `phrase-${i}-48k.wav`);
    execFileSync('espeak-ng', ['-v', 'en', '-s', '150', '-w', raw, text], { stdio: 'pipe' });
    sox(raw, '-r', String(AUDIO_RATE), '-c', '1', '-b', '16', resampled);
    parts.push(resampled, silence);
  });
  const speechWav = join(dir, 'speech.wav');
  sox(...parts, speechWav, 'norm', '-3');
  const seconds = readWav(speechWav).length / AUDIO_RATE;
  const noiseWav = join(dir, 'noise.wav');
  const pink = join(dir, 'pink.wav');
  const hum = join(dir, 'hum.wav');
  sox('-n', '-r', String(AUDIO_RATE), '-c', '1', '-b', '16', pink, 'synth', String(seconds), 'pinknoise', 'vol', '0.12');
  sox('-n', '-r', String(AUDIO_RATE), '-c', '1', '-b', '16', hum, 'synth', String(seconds), 'sine', '120', 'vol', '0.03');
  sox('-m', pink, hum, noiseWav);
  const micWav = join(dir, 'microphone.wav');
  sox('-m', '-v', '1', speechWav, '-v', '1', noiseWav, micWav);
  return { micWav, speech: readWav(speechWav), noise: readWav(noiseWav) };
}

/** Generates every fixture into `dir` (about a second of work). */
export function makeEffectFixtures(dir: string): EffectFixtures {
  const scene = drawScene(640, 480);
  const y4m = join(dir, 'camera.y4m');
  writeFileSync(y4m, sceneToY4m(scene));
  const background = backgroundPicture(scene.width, scene.height);
  const backgroundPng = join(dir, 'background.png');
  writeFileSync(backgroundPng, encodePng(scene.width, scene.height, background));
  return { scene, y4m, backgroundPng, background, ...makeMicrophone(dir) };
}
