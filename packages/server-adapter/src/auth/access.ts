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

type AccessFields = Pick<AuthorizeResult, 'startsAt' | 'endsAt' | 'waitingRoom' | 'chatHistory'>;

/** Copies the optional fields of `source` that are present onto `access`. */
function copyPresent(access: MeetingAccess, source: AccessFields): MeetingAccess {
  if (source.startsAt !== undefined) access.startsAt = source.startsAt;
  if (source.endsAt !== undefined) access.endsAt = source.endsAt;
  if (source.waitingRoom !== undefined) access.waitingRoom = source.waitingRoom;
  if (source.chatHistory !== undefined) access.chatHistory = source.chatHistory;
  return access;
}

/** `role` with the optional fields of `from` that are present, then those of `over` that are. */
function accessOf(role: ParticipantRole, from: AccessFields, over?: AccessFields): MeetingAccess {
  const access = copyPresent({ role }, from);
  return over ? copyPresent(access, over) : access;
}

/**
 * Decides whether `user` may join `meetingId`: the `authorize` hook when given (its answer may be
 * a promise, and so is this then), otherwise the meetings listed in the user's token
 * (`meetingId` / `meetings` claims), answered at once. `null` means refused.
 */
export function resolveAccess(user: AuthenticatedUser, meetingId: string, authorize: AuthorizeHook | undefined): MeetingAccess | null | Promise<MeetingAccess | null> {
  const role = user.role ?? 'participant';
  if (authorize) {
    return Promise.resolve(authorize(user, meetingId)).then((answer) => {
      if (answer === true) return accessOf(role, user);
      if (answer === false || !answer.allowed) return null;
      return accessOf(answer.role ?? role, user, answer);
    });
  }
  const { meetings } = user;
  if (meetings === '*' || meetings?.includes(meetingId)) return accessOf(role, user);
  return null;
}
