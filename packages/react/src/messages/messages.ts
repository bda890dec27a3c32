import { callMessages, type CallMessages } from './call';
import { linkMessages, type LinkMessages } from './link';
import { sessionMessages, type SessionMessages } from './session';

export type { CallMessages } from './call';
export type { LinkMessages, LinkNoticeMessage, PrecallMessage } from './link';
export type { SessionMessages } from './session';

/**
 * Every user-visible string of the React layer. Pass a partial object as the `messages` prop of
 * `<MeetingProvider>` or `<MeetingRoom>` to translate or reword; anything not given falls back to English.
 * The strings live in three groups ({@link CallMessages}, {@link SessionMessages}, {@link LinkMessages}),
 * one file each; this is their union.
 */
export interface MeetingMessages extends CallMessages, SessionMessages, LinkMessages {}

/** English defaults. */
export const defaultMessages: MeetingMessages = { ...callMessages, ...sessionMessages, ...linkMessages };

/**
 * The strings that are records rather than single strings. An override may give any part of
 * each; the rest keeps its default. The one list both the input type and the merge read.
 */
const GROUPED_KEYS = [
  'connectionState',
  'quality',
  'errors',
  'tileState',
  'permissionSteps',
  'linkNotice',
  'precall',
  'precallStep',
  'precallVerdict',
  'precallSummary',
  'precallReason',
  'precallAdvice',
] as const satisfies readonly (keyof MeetingMessages)[];
type GroupedKey = (typeof GROUPED_KEYS)[number];

/** Replaces `{key}` placeholders in a message. */
export function formatMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** Replacements for any of the strings; the grouped ones (`connectionState`, `quality`, `errors`, `tileState`, `permissionSteps` and the weak-link and pre-call groups) may be partial too. */
export type MeetingMessagesInput = Partial<Omit<MeetingMessages, GroupedKey>> & {
  [K in GroupedKey]?: Partial<MeetingMessages[K]>;
};

/** Merges a partial override into the defaults (one level deep for the grouped records). */
export function mergeMessages(overrides: MeetingMessagesInput | undefined): MeetingMessages {
  if (!overrides) return defaultMessages;
  const grouped = Object.fromEntries(GROUPED_KEYS.map((key) => [key, { ...defaultMessages[key], ...overrides[key] }]));
  return { ...defaultMessages, ...overrides, ...(grouped as Pick<MeetingMessages, GroupedKey>) };
}
