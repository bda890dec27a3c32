import type { ChatHistoryPolicy, ParticipantRole } from '@mentara/meetings-core/protocol';
import type { AuthenticatedUser, AuthorizeHook, AuthorizeResult } from './types';

/** What the server may let a user do in one meeting, and what their identity says of it. */
export interface MeetingAccess {
  role: ParticipantRole;
  startsAt?: number;
  endsAt?: number;
  /** `false`: this person skips the waiting room. */
  waitingRoom?: boolean;
  chatHistory?: ChatHistoryPolicy;
}

/** The optional fields of `from`, without the absent ones. */
function defined(from: Pick<AuthorizeResult, 'startsAt' | 'endsAt' | 'waitingRoom' | 'chatHistory'>): Omit<MeetingAccess, 'role'> {
  return {
    ...(from.startsAt !== undefined ? { startsAt: from.startsAt } : {}),
    ...(from.endsAt !== undefined ? { endsAt: from.endsAt } : {}),
    ...(from.waitingRoom !== undefined ? { waitingRoom: from.waitingRoom } : {}),
    ...(from.chatHistory !== undefined ? { chatHistory: from.chatHistory } : {}),
  };
}

/**
 * Decides whether `user` may join `meetingId`: the `authorize` hook when given, otherwise the
 * meetings listed in the user's token (`meetingId` / `meetings` claims). `null` means refused.
 */
export async function resolveAccess(
  user: AuthenticatedUser,
  meetingId: string,
  authorize: AuthorizeHook | undefined,
): Promise<MeetingAccess | null> {
  const base: MeetingAccess = { role: user.role ?? 'participant', ...defined(user) };
  if (authorize) {
    const answer = await authorize(user, meetingId);
    if (answer === true) return base;
    if (answer === false || !answer.allowed) return null;
    return { ...base, ...defined(answer), role: answer.role ?? base.role };
  }
  const { meetings } = user;
  if (meetings === '*' || meetings?.includes(meetingId)) return base;
  return null;
}
