import type { TrackSource } from '@mentara/meetings-core';

/** Decorative 20px line icons (hidden from assistive tech; controls carry text labels). */
const PATHS: Record<TrackSource | 'cameraOff' | 'microphoneOff' | 'screenOff' | 'leave', string> = {
  camera: 'M3 7h11v10H3zM14 10l6-3v10l-6-3',
  cameraOff: 'M3 7h11v10H3zM14 10l6-3v10l-6-3M2 3l19 19',
  microphone: 'M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  microphoneOff: 'M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3M3 3l18 18',
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4',
  screenOff: 'M3 4h18v12H3zM8 20h8M12 16v4M3 3l18 18',
  leave: 'M10 17l-5-5 5-5M5 12h11M14 4h5v16h-5',
};

export type IconName = keyof typeof PATHS;

/** An inline SVG icon; decorative. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ?? 'mm-toggle__icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
