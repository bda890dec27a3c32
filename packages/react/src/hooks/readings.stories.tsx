import { useEffect, useRef, type CSSProperties } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SimulatedClient } from '@mentara/meetings-core/testing';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { useMeetingClient } from '../context/meeting-context';
import { useParticipants } from './use-participants';
import { useAudioLevel } from './use-audio-level';
import { usePeerStats } from './use-peer-stats';

/** The first remote speaks: a new level twice a second, as the real client samples it. */
function Speech() {
  const { simulate, getSnapshot } = useMeetingClient() as SimulatedClient;
  useEffect(() => {
    const levels = [0.35, 0.6, 0.45, 0.7, 0.5];
    let tick = 0;
    const timer = setInterval(() => {
      const speaker = getSnapshot().remoteParticipants[0];
      if (speaker) simulate.setSpeaking(speaker.id, levels[tick++ % levels.length]);
    }, 500);
    return () => clearInterval(timer);
  }, [simulate, getSnapshot]);
  return null;
}

/** One person's level (useAudioLevel) and link figures (usePeerStats): only this row re-renders. */
function Readings({ participantId, name }: { participantId: string; name: string }) {
  const level = useAudioLevel(participantId);
  const stats = usePeerStats(participantId);
  const figures = stats
    ? [
        `${stats.rttMs ?? '–'} ms round trip`,
        `${stats.packetLoss === null ? '–' : Math.round(stats.packetLoss * 100)}% loss`,
        stats.frameWidth && stats.frameHeight ? `${stats.frameWidth}×${stats.frameHeight}` : null,
        stats.framesPerSecond ? `${stats.framesPerSecond} fps` : null,
      ].filter(Boolean)
    : ['no statistics yet'];
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <div
        className="mm-level"
        role="meter"
        aria-label={`${name}: audio level`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
        style={{ '--mm-level': level } as CSSProperties}
      >
        <div className="mm-level__fill" />
      </div>
      <span data-testid={`stats-${name}`}>{figures.join(' · ')}</span>
    </div>
  );
}

/** The people list (useParticipants) counts its own renders: it stays still while levels move. */
function Roster() {
  const renders = useRef(0);
  renders.current += 1;
  const participants = useParticipants();
  return (
    <section aria-label="People" style={{ display: 'grid', gap: 16, maxWidth: 420 }}>
      <p>
        Renders of the list: <span data-testid="list-renders">{renders.current}</span>
      </p>
      <ul style={{ display: 'grid', gap: 16, margin: 0, padding: 0, listStyle: 'none' }}>
        {participants.map((p) => (
          <li key={p.id} style={{ display: 'grid', gap: 6 }}>
            <strong>
              {p.displayName}
              {p.isLocal ? ' (you)' : ''}
              {p.isSpeaking ? ' — speaking' : ''}
            </strong>
            {p.isLocal ? null : <Readings participantId={p.id} name={p.displayName} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Args {
  scenario: StoryScenario;
}

const meta = {
  title: 'Hooks/useAudioLevel and usePeerStats',
  render: ({ scenario }) => (
    <Meeting scenario={scenario}>
      <Speech />
      <Roster />
    </Meeting>
  ),
  // No local media: nothing else changes the list once the meeting is joined.
  args: { scenario: { people: [{ name: 'Therapist', speaking: true }, { name: 'Interpreter' }], camera: false, microphone: false } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WhileSomeoneSpeaks: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const meter = await canvas.findByRole('meter', { name: 'Therapist: audio level' });
    await expect(canvas.getByText('Therapist — speaking')).toBeVisible();
    await expect(canvas.getByTestId('stats-Therapist')).toHaveTextContent('40 ms round trip · 0% loss · 640×360 · 24 fps');
    const rendersBefore = canvas.getByTestId('list-renders').textContent;
    // New level samples reach the meter…
    const seen = new Set<string | null>();
    await waitFor(
      () => {
        seen.add(meter.getAttribute('aria-valuenow'));
        expect(seen.size).toBeGreaterThanOrEqual(4);
      },
      { timeout: 10_000, interval: 100 },
    );
    // …while the people list did not render again.
    await expect(canvas.getByTestId('list-renders')).toHaveTextContent(rendersBefore ?? '');
    await expect(canvas.getByRole('meter', { name: 'Interpreter: audio level' })).toHaveAttribute('aria-valuenow', '0');
  },
};

/** A button that worsens the first remote's link, so the statistics change. */
function WorsenLink() {
  const { simulate, getSnapshot } = useMeetingClient() as SimulatedClient;
  const worsen = () => {
    const first = getSnapshot().remoteParticipants[0];
    if (first) simulate.setQuality(first.id, 'poor');
  };
  return (
    <button type="button" className="mm-button" onClick={worsen}>
      Link gets worse
    </button>
  );
}

export const LinkGetsWorse: Story = {
  render: ({ scenario }) => (
    <Meeting scenario={scenario}>
      <WorsenLink />
      <Roster />
    </Meeting>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const stats = await canvas.findByTestId('stats-Therapist');
    await expect(stats).toHaveTextContent('40 ms round trip · 0% loss');
    await userEvent.click(canvas.getByRole('button', { name: 'Link gets worse' }));
    await waitFor(() => expect(stats).toHaveTextContent('700 ms round trip · 15% loss'));
  },
};
