import { useCallback, useMemo } from 'react';
import type { ChatMessage } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

/** Chat messages and sending. */
export interface UseChatResult {
  messages: readonly ChatMessage[];
  /** Send a message; resolves with the stored message, rejects with a `MeetingError`. */
  send: (text: string) => Promise<ChatMessage>;
  /** Id of the local participant, to tell own messages apart (`message.from === localId`). */
  localId: string | null;
  /** Longest message the server accepts, when known. */
  maxLength: number | null;
}

/** The meeting chat: messages in server order, `send`, and the server's length limit. */
export function useChat(): UseChatResult {
  const client = useMeetingClient();
  const messages = useMeeting((s) => s.chat);
  const localId = useMeeting((s) => s.localParticipant?.id ?? null);
  const maxLength = useMeeting((s) => s.limits?.maxChatLength ?? null);
  const send = useCallback((text: string) => client.chat.send(text), [client]);
  return useMemo(() => ({ messages, send, localId, maxLength }), [messages, send, localId, maxLength]);
}
