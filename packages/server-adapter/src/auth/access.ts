import type { ParticipantRole } from '@mentara/meetings-core/protocol';
import type { AuthenticatedUser, AuthorizeHook } from './types';

/** What the server may let a user do in one meeting. */
export interface MeetingAccess {
  role: ParticipantRole;
  endsAt?: number;
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
  const base: MeetingAccess = {
    role: user.role ?? 'participant',
    ...(user.endsAt !== undefined ? { endsAt: user.endsAt } : {}),
  };
  if (authorize) {
    const answer = await authorize(user, meetingId);
    if (answer === true) return base;
    if (answer === false || !answer.allowed) return null;
    return {
      role: answer.role ?? base.role,
      ...((answer.endsAt ?? base.endsAt) !== undefined ? { endsAt: answer.endsAt ?? base.endsAt } : {}),
    };
  }
  const { meetings } = user;
  if (meetings === '*' || meetings?.includes(meetingId)) return base;
  return null;
}
