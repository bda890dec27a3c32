import { MeetingError } from '../errors/meeting-error';
import type { ChatMessage } from '../protocol/types';
import type { SignallingChannel } from '../signalling/channel';
import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';

/** Meeting chat; messages live in `snapshot.chat`. */
export interface MeetingChat {
  /** Send a message; resolves with the message as stored by the server. */
  send(text: string): Promise<ChatMessage>;
}

/** What `client.chat` needs. */
export interface ChatFacadeOptions {
  assertUsable: () => void;
  getSnapshot: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  /** The channel of the current meeting, `null` when not in one. */
  channel: () => SignallingChannel | null;
  /** Prefix of the client's de-duplication ids. */
  clientId: string;
}

/**
 * `client.chat.send`: checks the text against the server's limits up front, sends it with a
 * client message id (so a retried send is stored once) and merges the stored message into the chat.
 */
export function createChatFacade(o: ChatFacadeOptions): MeetingChat {
  let counter = 0;
  return {
    async send(text) {
      o.assertUsable();
      const channel = o.channel();
      const s = o.getSnapshot();
      if (s.admission === 'waiting') throw new MeetingError('not-admitted');
      if (!channel || s.connection !== 'connected' || s.admission !== 'admitted') {
        throw new MeetingError('invalid-state', 'Join the meeting before sending chat messages');
      }
      const trimmed = text.trim();
      const limit = s.limits?.maxChatLength ?? Infinity;
      if (trimmed.length === 0) throw new MeetingError('invalid-payload', 'A chat message cannot be empty');
      if (trimmed.length > limit) throw new MeetingError('payload-too-large', `Chat messages are limited to ${limit} characters`);
      const clientMessageId = `${o.clientId}-${(++counter).toString(36)}-${Date.now().toString(36)}`;
      const message = await channel.request('chat-message', { text: trimmed, clientMessageId }, 10_000);
      o.dispatch({ type: 'chat', messages: [message] });
      return message;
    },
  };
}
