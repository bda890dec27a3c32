import { useEffect, useState } from 'react';

/** How often the level is published, in ms (a meter needs no more than ~10 updates a second). */
const INTERVAL_MS = 100;

/**
 * Live 0–1 loudness of a stream's audio track, measured with a Web Audio analyser — for a
 * microphone meter before joining. `0` when there is no audio track or no Web Audio.
 */
export function useStreamAudioLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  // Keyed on the track, so a device switch that swaps the track re-attaches the analyser.
  const track = stream?.getAudioTracks()[0] ?? null;
  useEffect(() => {
    const AudioContextCtor = typeof AudioContext === 'undefined' ? undefined : AudioContext;
    if (!track || !AudioContextCtor) {
      setLevel(0);
      return;
    }
    const context = new AudioContextCtor();
    // A context made before any user gesture may start suspended: resume now and on the first gesture.
    const resume = () => {
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
    };
    resume();
    document.addEventListener('pointerdown', resume, true);
    document.addEventListener('keydown', resume, true);
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const rms = Math.sqrt(sum / samples.length);
      // Speech RMS sits around 0.02–0.2; scale so normal speech fills most of the meter.
      setLevel(Math.min(1, Math.round(rms * 500) / 100));
    }, INTERVAL_MS);
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume, true);
      document.removeEventListener('keydown', resume, true);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [track]);
  return level;
}
