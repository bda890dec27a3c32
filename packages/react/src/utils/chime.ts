/**
 * A short, soft two-note chime for a chat message that arrives while the chat is closed,
 * synthesised with Web Audio (no sound file to fetch). Does nothing without Web Audio. Internal.
 */
export function playChime(): void {
  const Context = typeof AudioContext === 'undefined' ? undefined : AudioContext;
  if (!Context) return;
  const context = new Context();
  const start = context.currentTime;
  [660, 880].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.12);
    gain.gain.exponentialRampToValueAtTime(0.06, start + i * 0.12 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.12 + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + i * 0.12);
    oscillator.stop(start + i * 0.12 + 0.2);
  });
  setTimeout(() => void context.close().catch(() => undefined), 600);
}
