/**
 * Every icon of the package in one table: 24-unit line paths drawn at 20px. Icons are
 * decorative (hidden from assistive tech); the controls and notices beside them carry the text.
 */
const PATHS = {
  // Media and call controls.
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
  // The link: weak signal, reconnecting, audio only, the pre-call check's step results.
  weakSignal: 'M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 19.5h.01',
  reconnect: 'M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4',
  audioOnly: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  pending: 'M8 12h8',
  running: 'M12 3a9 9 0 1 0 9 9',
  // The session: lock, schedule, waiting, background effects.
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  unlock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 6.8-1.2',
  clock: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM12 8v4l3 2',
  door: 'M6 20V4h9v16M15 20h3M12 12h.01M3 20h3',
  person: 'M12 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 0 1 0-7zM5 20a7 7 0 0 1 14 0',
  blur: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM8 9h.01M12 8h.01M16 9h.01M7 13h.01M12 12h.01M17 13h.01M9 16h.01M15 16h.01',
  none: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM6.5 17.5l11-11',
} as const;

/** Name of an icon. */
export type IconName = keyof typeof PATHS;

/** An inline SVG icon; decorative. `className` defaults to the control-icon class. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ?? 'mm-toggle__icon'}
      data-icon={name}
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
