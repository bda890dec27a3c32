import type { GridLayout } from '@mentara/meetings';

/** Colour scheme of the element: `light`, `dark`, or the person's system setting. */
export type MeetingElementTheme = 'light' | 'dark' | 'system';

/** The attributes `<mentara-meeting>` observes. */
export const MEETING_ELEMENT_ATTRIBUTES = [
  'server-url',
  'meeting-id',
  'token',
  'display-name',
  'theme',
  'layout',
  'pre-join',
  'chat',
  'invite-url',
  'lang',
] as const;

/** One attribute of `<mentara-meeting>`. */
export type MeetingElementAttribute = (typeof MEETING_ELEMENT_ATTRIBUTES)[number];

/**
 * Attributes that start a new room when they change after the element connected: the current
 * meeting is left and a new client connects to the new server or meeting. Every other attribute
 * applies to the room in place.
 */
export const RESTARTING_ATTRIBUTES: ReadonlySet<string> = new Set<MeetingElementAttribute>(['server-url', 'meeting-id']);

/** `light` / `dark`; anything else follows the system. */
export function parseTheme(value: string | null): MeetingElementTheme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** `grid` / `focus`; anything else is `auto`. */
export function parseLayout(value: string | null): GridLayout {
  return value === 'grid' || value === 'focus' ? value : 'auto';
}

/**
 * An on/off attribute that defaults to on (`pre-join`, `chat`): `"off"` or `"false"` turns it
 * off; absent or any other value leaves it on. (A present/absent boolean attribute cannot
 * default to on.)
 */
export function parseSwitch(value: string | null): boolean {
  return value !== 'off' && value !== 'false';
}
