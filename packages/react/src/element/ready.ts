/**
 * The ready script (`@mentara/meetings/mentara-meeting.js`): React, React DOM, the SDK and its
 * styles in one file that registers `<mentara-meeting>` as it loads.
 *
 * ```html
 * <script type="module" src="/mentara-meeting.js"></script>
 * ```
 */
import { defineMeetingElement } from './define';

defineMeetingElement();

export { MentaraMeetingElement, defineMeetingElement } from './index';
