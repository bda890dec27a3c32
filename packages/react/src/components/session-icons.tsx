/** Decorative 20px line icons of the session flow (hidden from assistive tech; controls carry text labels). */
const PATHS = {
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  unlock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 6.8-1.2',
  clock: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM12 8v4l3 2',
  door: 'M6 20V4h9v16M15 20h3M12 12h.01M3 20h3',
  person: 'M12 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 0 1 0-7zM5 20a7 7 0 0 1 14 0',
  blur: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM8 9h.01M12 8h.01M16 9h.01M7 13h.01M12 12h.01M17 13h.01M9 16h.01M15 16h.01',
  none: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM6.5 17.5l11-11',
  info: 'M12 4a8 8 0 1 1 0 16a8 8 0 0 1 0-16zM12 11v5M12 8h.01',
} as const;

/** Name of a session-flow icon. */
export type SessionIconName = keyof typeof PATHS;

/** An inline SVG icon; decorative. */
export function SessionIcon({ name, className }: { name: SessionIconName; className?: string }) {
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
