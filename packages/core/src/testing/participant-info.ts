import type { ParticipantInfo } from '../protocol/types';
import type { SimulatedParticipant } from './scenario';

/** Turn a scripted participant into the server's record. */
export function toParticipantInfo(p: SimulatedParticipant, index: number, meetingStart: number): ParticipantInfo {
  const id = p.id ?? `sim-${index + 1}-${p.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return {
    id,
    userId: `user-${id}`,
    displayName: p.displayName,
    role: p.role ?? 'participant',
    media: { camera: true, microphone: true, screen: false, ...p.media },
    ready: p.ready ?? true,
    joinedAt: meetingStart + index + 1,
  };
}
