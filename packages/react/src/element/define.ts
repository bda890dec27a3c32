import { MentaraMeetingElement } from './meeting-element';

/** The tag name `defineMeetingElement()` uses unless given another. */
export const MEETING_ELEMENT_TAG = 'mentara-meeting';

/** Whether `MentaraMeetingElement` itself is registered (a constructor can hold one name only). */
let baseDefined = false;

/**
 * Registers `<mentara-meeting>` (or `tagName`) with the page's custom-element registry and
 * returns its class. Idempotent: a name already defined is left as it is and its class
 * returned. On a server (no `customElements`) it does nothing and returns `undefined`.
 *
 * @example
 * ```ts
 * import { defineMeetingElement } from '@mentara/meetings/element';
 * defineMeetingElement(); // <mentara-meeting> is now usable in the page
 * ```
 */
export function defineMeetingElement(tagName: string = MEETING_ELEMENT_TAG): CustomElementConstructor | undefined {
  if (typeof customElements === 'undefined') return undefined;
  const existing = customElements.get(tagName);
  if (existing) return existing;
  const constructor = baseDefined ? class extends MentaraMeetingElement {} : MentaraMeetingElement;
  customElements.define(tagName, constructor);
  baseDefined = true;
  return constructor;
}
