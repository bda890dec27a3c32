import '../test-utils/cleanup';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithClient } from '../test-utils/render';
import { joinedClient, named, remoteIds } from '../test-utils/simulated';
import { useParticipantIds } from '../hooks/use-participants';
import { VideoTile } from './video-tile';
import { ParticipantGrid } from './participant-grid';

describe('render counts', () => {
  it('toggling one remote microphone in a 4-person meeting re-renders exactly one tile', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor', 'Trainee') });
    const renders = new Map<string, number>();
    const onRender: ProfilerOnRenderCallback = (id) => renders.set(id, (renders.get(id) ?? 0) + 1);
    function Tiles() {
      const ids = useParticipantIds();
      return ids.map((id) => (
        <Profiler key={id} id={id} onRender={onRender}>
          <VideoTile participantId={id} />
        </Profiler>
      ));
    }
    renderWithClient(<Tiles />, client);
    expect(renders.size).toBe(4);
    renders.clear();

    const supervisor = remoteIds(client)[1]!;
    act(() => client.simulate.setMedia(supervisor, { microphone: false }));
    expect([...renders.entries()]).toEqual([[supervisor, 1]]);

    // Link statistics are not shown by a tile's own render: no re-render at all.
    renders.clear();
    act(() => client.simulate.setQuality(remoteIds(client)[0]!, 'good'));
    expect(renders.size).toBe(0);
  });

  it('ParticipantGrid commits once for a single-participant change and not for unrelated state', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor', 'Trainee') });
    let commits = 0;
    renderWithClient(
      <Profiler id="grid" onRender={() => (commits += 1)}>
        <ParticipantGrid />
      </Profiler>,
      client,
    );
    commits = 0;
    act(() => client.simulate.setMedia(remoteIds(client)[0]!, { microphone: false }));
    expect(commits).toBe(1);
    commits = 0;
    await act(() => client.chat.send('hello'));
    expect(commits).toBe(0);
  });
});
