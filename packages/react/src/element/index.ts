/**
 * `@mentara/meetings/element` — `<mentara-meeting>`, the complete meeting room as a custom
 * element for pages without React (React is still a peer dependency: the element renders
 * `<MeetingRoom/>`). Pages with no build step use the ready script
 * `@mentara/meetings/mentara-meeting.js` instead, which bundles React and registers the element.
 *
 * @packageDocumentation
 */
export { MentaraMeetingElement, type MeetingElementClientOptions, type MeetingJoinHook, type MeetingTokenGetter } from './meeting-element';
export { defineMeetingElement, MEETING_ELEMENT_TAG } from './define';
export { MEETING_ELEMENT_ATTRIBUTES, type MeetingElementAttribute, type MeetingElementTheme } from './attributes';
// Types of the element's properties, from the main entry.
export type { GridLayout, MeetingMessagesInput, PreJoinValues } from '@mentara/meetings';
export type { MentaraMeetingElementEventMap, MentaraMeetingElementEventName, MeetingErrorDetail, MeetingJoinedDetail, MeetingLeftDetail } from './events';
