import { randomUUID } from 'node:crypto';

/** Options of {@link createMeeting}. */
export interface CreateMeetingOptions {
  /** Base URL of the web app; wins over the environment. */
  frontendUrl?: string;
  /** Where `FRONTEND_URL` / `APP_URL` are read from. @default process.env */
  env?: Record<string, string | undefined>;
}

/** A new meeting's id and link. */
export interface CreatedMeeting {
  /** Unguessable: a random UUID v4 (122 random bits). */
  meetingId: string;
  /** `{FRONTEND_URL}/meeting/{meetingId}`. */
  url: string;
}

/** The base URL meeting links are built on: `frontendUrl`, else `FRONTEND_URL`, else `APP_URL`. */
export function resolveFrontendUrl(options: CreateMeetingOptions = {}): string {
  const env = options.env ?? process.env;
  const raw = options.frontendUrl ?? (env.FRONTEND_URL || undefined) ?? (env.APP_URL || undefined);
  if (!raw) {
    throw new Error('Cannot build meeting URLs: set FRONTEND_URL (or its fallback APP_URL) to the web app address, e.g. https://your-domain.com');
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`FRONTEND_URL / APP_URL is not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`FRONTEND_URL / APP_URL must be an http(s) URL, got ${parsed.protocol}`);
  }
  return raw.replace(/\/+$/, '');
}

/** The link of a meeting: `{FRONTEND_URL}/meeting/{meetingId}`. */
export function meetingUrl(meetingId: string, options: CreateMeetingOptions = {}): string {
  return `${resolveFrontendUrl(options)}/meeting/${encodeURIComponent(meetingId)}`;
}

/**
 * Creates a meeting id and its link — call it when an appointment is booked and store the URL.
 *
 * @example
 * ```ts
 * const { meetingId, url } = createMeeting(); // url: https://your-domain.com/meeting/6f1c…
 * ```
 * @throws when neither `frontendUrl`, `FRONTEND_URL` nor `APP_URL` is set.
 */
export function createMeeting(options: CreateMeetingOptions = {}): CreatedMeeting {
  const meetingId = randomUUID();
  return { meetingId, url: meetingUrl(meetingId, options) };
}
