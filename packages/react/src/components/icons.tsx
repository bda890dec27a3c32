import type { TrackSource } from '@mentara/meetings-core';

/** Decorative 20px line icons (hidden from assistive tech; controls carry text labels). */
const PATHS: Record<TrackSource | 'cameraOff' | 'microphoneOff' | 'leave' | 'chat' | 'people' | 'more' | 'close' | 'copy' | 'pin' | 'info' | 'devices' | 'pip' | 'corner' | 'keyboard', string> = {
  camera: 'M3 7h11v10H3zM14 10l6-3v10l-6-3',
  cameraOff: 'M3 7h11v10H3zM14 10l6-3v10l-6-3M2 3l19 19',
  microphone: 'M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  microphoneOff: 'M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3M3 3l18 18',
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4',
  leave: 'M10 17l-5-5 5-5M5 12h11M14 4h5v16h-5',
  chat: 'M4 5h16v11H9l-5 4z',
  people: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 19c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M17 14c2 .5 4 2 4 5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  close: 'M6 6l12 12M18 6L6 18',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  pin: 'M12 17v4M8 4h8l-1 6 3 4H6l3-4z',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v5M12 8h.01',
  pip: 'M3 5h18v14H3zM12 12h7v5h-7z',
  corner: 'M4 4h16v16H4zM13 13h5v5h-5z',
  keyboard: 'M3 7h18v10H3zM7 11h.01M11 11h.01M15 11h.01M8 14h8',
  devices: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
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
      strokeWidth={name === 'more' ? 3 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
