import { isMeetingError } from '@mentara/meetings-core';
import type { MeetingMessages } from '../messages/messages';

/** What to show for a failed action: the app's text for the error code, else the plain-language hint. */
export function errorText(error: unknown, m: MeetingMessages): string {
  if (isMeetingError(error)) return m.errors[error.code] ?? error.hint;
  return error instanceof Error ? error.message : String(error);
}
