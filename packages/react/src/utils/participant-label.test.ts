import { describe, expect, it } from 'vitest';
import { joinedClient, named, remoteIds } from '../test-utils/simulated';
import { participantLabel } from './participant-label';

describe('participantLabel', () => {
  it('numbers later people with the same name, in join order', async () => {
    const client = await joinedClient({ participants: named('Client', 'Therapist', 'client', '', '') });
    const s = client.getSnapshot();
    const [a, therapist, b, g1, g2] = remoteIds(client);
    expect([a, therapist, b, g1, g2].map((id) => participantLabel(s, id!, 'Guest'))).toEqual([
      'Client',
      'Therapist',
      'client (2)',
      'Guest',
      'Guest (2)',
    ]);
    expect(participantLabel(s, s.localParticipant!.id, 'Guest')).toBe('Caregiver');
    expect(participantLabel(s, 'nobody', 'Guest')).toBeNull();
  });
});
