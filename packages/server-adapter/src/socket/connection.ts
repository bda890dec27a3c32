import type { ServerContext } from '../meeting/context';
import { handleChat } from '../meeting/chat';
import { handleJoin } from '../meeting/join';
import { leaveCurrentMeeting } from '../meeting/leave';
import { handleLeave } from '../meeting/leave-handler';
import { handleReady, handleToggleMedia } from '../meeting/media';
import { handleRelay, type RelayEvent } from '../meeting/relay';
import { enqueue, onClientEvent } from './event-guard';
import type { MeetingsSocket } from './types';

const RELAY_EVENTS: readonly RelayEvent[] = ['webrtc-signal', 'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate'];

/** Wires every client event of one `/meetings` socket; a disconnect counts as leaving (`disconnected`). */
export function handleConnection(ctx: ServerContext, socket: MeetingsSocket): void {
  onClientEvent(ctx, socket, 'join-meeting', (s, payload) => handleJoin(ctx, s, payload));
  onClientEvent(ctx, socket, 'leave-meeting', (s, payload) => handleLeave(ctx, s, payload));
  onClientEvent(ctx, socket, 'toggle-media', (s, payload) => handleToggleMedia(ctx, s, payload));
  onClientEvent(ctx, socket, 'participant-ready', (s, payload) => handleReady(ctx, s, payload));
  onClientEvent(ctx, socket, 'chat-message', (s, payload, acknowledged) => handleChat(ctx, s, payload, acknowledged));
  for (const event of RELAY_EVENTS) {
    onClientEvent(ctx, socket, event, (s, payload) => handleRelay(ctx, s, event, payload));
  }
  socket.on('disconnect', () => {
    void enqueue(ctx, socket, () => leaveCurrentMeeting(ctx, socket, 'disconnected'));
  });
}
