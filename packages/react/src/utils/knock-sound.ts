type AudioContextCtor = new () => AudioContext;

/**
 * A short, soft two-note chime for "someone is waiting", generated with Web Audio (no audio file
 * is fetched). Does nothing — and never throws — where there is no `AudioContext` (server, tests,
 * old browsers) or the browser refuses to play. Returns a function that stops it early.
 */
export function playKnockSound(): () => void {
  const Ctor = (globalThis as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext;
  if (!Ctor) return () => {};
  let context: AudioContext | null = null;
  try {
    context = new Ctor();
    const ctx = context;
    const start = ctx.currentTime + 0.02;
    // Two gentle sine notes (E5, then A5), each fading in and out: a doorbell, not an alarm.
    [659.25, 880].forEach((frequency, i) => {
      const at = start + i * 0.18;
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.12, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.45);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.5);
    });
    void ctx.resume?.().catch(() => undefined);
    const timer = setTimeout(() => void ctx.close().catch(() => undefined), 1000);
    return () => {
      clearTimeout(timer);
      void ctx.close().catch(() => undefined);
    };
  } catch {
    void context?.close().catch(() => undefined);
    return () => {};
  }
}
