import '../test-utils/cleanup';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithClient } from '../test-utils/render';
import { createTestClient } from '../test-utils/test-client';
import { useParticipantIds } from '../hooks/use-participants';
import { VideoTile } from './video-tile';
import { ParticipantGrid } from './participant-grid';

describe('render counts', () => {
  it('toggling one remote microphone in a 4-person meeting re-renders exactly one tile', () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben', 'Cleo'] });
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
    renderWithClient(<Tiles />, { client });
    expect(renders.size).toBe(4);
    renders.clear();

    const ben = client.getSnapshot().remoteParticipants[1]!;
    act(() => client.updateRemote(ben.id, { media: { ...ben.media, audio: false } }));
    expect([...renders.entries()]).toEqual([[ben.id, 1]]);

    // Audio level and stats changes are not shown by a tile: no re-render at all.
    renders.clear();
    act(() => client.updateRemote(ben.id, { audioLevel: 0.4 }));
    expect(renders.size).toBe(0);
  });

  it('ParticipantGrid commits once per single-participant change and not for unrelated state', () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben', 'Cleo'] });
    let commits = 0;
    renderWithClient(
      <Profiler id="grid" onRender={() => (commits += 1)}>
        <ParticipantGrid />
      </Profiler>,
      { client },
    );
    commits = 0;
    const ada = client.getSnapshot().remoteParticipants[0]!;
    act(() => client.updateRemote(ada.id, { media: { ...ada.media, audio: false } }));
    expect(commits).toBe(1);
    commits = 0;
    act(() => client.set({ chat: [] }));
    expect(commits).toBe(0);
  });
});
