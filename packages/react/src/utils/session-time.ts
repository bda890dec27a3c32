import { formatMessage, type MeetingMessages } from '../messages/messages';

/** `4:32`, `12:05` or `1:02:03` for a span of milliseconds (rounded down to whole seconds, never negative). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The same span as an ISO 8601 duration (`PT4M32S`), for `<time dateTime>`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`;
}

/** Time of day in the viewer's locale and time zone (`3:00 PM`), with the zone when asked (`3:00 PM CET`). */
export function formatClock(epochMs: number, withZone = false, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...(withZone ? { timeZoneName: 'short' } : {}) }).format(epochMs);
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

/** "Today" or the day in the viewer's locale (`Tuesday, March 4`). */
function formatDay(epochMs: number, nowMs: number, m: MeetingMessages, locale?: string): string {
  if (sameDay(epochMs, nowMs)) return m.today;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(epochMs);
}

/**
 * The scheduled session time in the viewer's locale and time zone: `Today, 3:00 – 3:50 PM CET`,
 * or only the start when there is no end. `null` without a start.
 */
export function formatSchedule(
  startsAt: number | undefined,
  endsAt: number | undefined,
  nowMs: number,
  m: MeetingMessages,
  locale?: string,
): string | null {
  if (startsAt === undefined) return null;
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const time =
    endsAt !== undefined && endsAt > startsAt && sameDay(startsAt, endsAt) && typeof format.formatRange === 'function'
      ? format.formatRange(startsAt, endsAt)
      : format.format(startsAt);
  return formatMessage(m.scheduleAt, { date: formatDay(startsAt, nowMs, m, locale), time });
}
