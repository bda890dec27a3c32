import '../test-utils/cleanup';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithClient } from '../test-utils/render';
import { joinedClient, named, remoteIds } from '../test-utils/simulated';
import { useParticipantIds, useParticipants } from '../hooks/use-participants';
import { useAudioLevel } from '../hooks/use-audio-level';
import { VideoTile } from './video-tile';
import { ParticipantGrid } from './participant-grid';

afterEach(() => {
  vi.useRealTimers();
});

describe('render counts', () => {
  it('ten seconds of speech re-render useParticipants() only when the speaker changes', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Client') });
    const [therapist, person] = remoteIds(client) as [string, string];
    let listRenders = 0;
    let meterRenders = 0;
    function Roster() {
      listRenders += 1;
      const people = useParticipants();
      return <ul>{people.map((p) => <li key={p.id} data-speaking={p.isSpeaking}>{p.displayName}</li>)}</ul>;
    }
    function TherapistMeter() {
      meterRenders += 1;
      return <meter min={0} max={1} value={useAudioLevel(therapist)} />;
    }
    const view = renderWithClient(<><Roster /><TherapistMeter /></>, client);
    listRenders = 0;
    meterRenders = 0;

    // Levels arrive twice a second, as from the real client: the therapist speaks for 4 s, the
    // client for 3 s, the therapist again for 3 s; every sample's level differs from the last.
    vi.useFakeTimers();
    const levels = [0.35, 0.6, 0.45, 0.7, 0.5];
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      const speaker = tick <= 8 ? therapist : tick <= 14 ? person : therapist;
      client.simulate.setSpeaking(speaker, levels[tick % levels.length]);
    }, 500);
    for (let i = 0; i < 20; i++) act(() => void vi.advanceTimersByTime(500));
    clearInterval(timer);

    expect(tick).toBe(20);
    // Three changes of speaker (nobody → therapist → client → therapist), not 20 samples.
    expect(listRenders).toBe(3);
    expect(view.container.querySelector('[data-speaking="true"]')?.textContent).toBe('Therapist');
    // The level itself reaches the one component that shows it: 8 + 1 (silent) + 1 (back) + 5 samples.
    expect(meterRenders).toBe(15);
    expect(view.container.querySelector('meter')?.value).toBe(levels[20 % levels.length]);
  });

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
