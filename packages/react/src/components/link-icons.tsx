/** Decorative 20px line icons of the weak-link, audio-only and pre-call components (hidden from assistive tech). */
const PATHS = {
  weakSignal: 'M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 19.5h.01',
  reconnect: 'M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4',
  audioOnly: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  video: 'M3 7h11v10H3zM14 10l6-3v10l-6-3',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  cross: 'M6 6l12 12M18 6L6 18',
  pending: 'M8 12h8',
  running: 'M12 3a9 9 0 1 0 9 9',
} as const;

/** Name of a link icon. */
export type LinkIconName = keyof typeof PATHS;

/** An inline SVG icon; decorative (the text next to it carries the meaning). */
export function LinkIcon({ name, className }: { name: LinkIconName; className?: string }) {
  return (
    <svg
      className={className ?? 'mm-link-icon'}
      data-icon={name}
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
