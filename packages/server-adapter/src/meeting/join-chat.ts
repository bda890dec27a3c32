import type { ChatHistoryPolicy, ChatMessage } from '@mentara/meetings-core/protocol';
import type { ChatRecord } from '../store/room-store';
import { toChatMessage } from './participant-info';

/**
 * The chat a person reads when they come in: with `'none'` only what was said since they were
 * first let in (so a reload keeps what they saw, a late joiner reads nothing earlier); with
 * `'all'` the kept history. Newest messages win when the answer would exceed `maxBytes` of JSON.
 */
export function chatForJoiner(history: readonly ChatRecord[], policy: ChatHistoryPolicy, admittedAt: number, maxBytes: number): ChatMessage[] {
  const readable = policy === 'all' ? history : history.filter((m) => m.sentAt >= admittedAt);
  const out: ChatMessage[] = [];
  let bytes = 2; // the brackets of the JSON array
  for (let i = readable.length - 1; i >= 0; i -= 1) {
    const message = toChatMessage(readable[i] as ChatRecord);
    bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
    if (bytes > maxBytes) break;
    out.push(message);
  }
  return out.reverse();
}
