import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SimulatedClient } from '@mentara/meetings-core/testing';
import { useMeetingClient } from '../context/meeting-context';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { AdmitQueue } from './admit-queue';

interface Args {
  scenario: SessionScenario;
  variant: 'inline' | 'toast';
  sound: boolean;
}

/** Someone knocks (a button under the queue). */
function KnockScript() {
  const { simulate } = useMeetingClient() as SimulatedClient;
  return (
    <button type="button" className="mm-button" style={{ marginTop: 16 }} onClick={() => simulate.knock('Client')}>
      Someone knocks
    </button>
  );
}

const meta = {
  title: 'Session/AdmitQueue',
  render: ({ scenario, variant, sound }) => (
    <SessionMeeting scenario={scenario}>
      <div style={{ maxWidth: 420 }}>
        <AdmitQueue variant={variant} sound={sound} />
      </div>
      <KnockScript />
    </SessionMeeting>
  ),
  args: { scenario: { role: 'host', waiting: ['Client'] }, variant: 'inline', sound: false },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OneWaiting: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const queue = await canvas.findByRole('region', { name: 'Waiting to join' });
    await expect(within(queue).getByText('Client is waiting')).toBeVisible();
    await expect(within(queue).queryByRole('button', { name: 'Admit all' })).toBeNull();
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit Client' }));
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull());
  },
};

export const SeveralWaiting: Story = {
  args: { scenario: { role: 'host', waiting: ['Client', 'Caregiver', 'Interpreter'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const queue = await canvas.findByRole('region', { name: 'Waiting to join' });
    await userEvent.click(within(queue).getByRole('button', { name: 'Deny Interpreter' }));
    await waitFor(() => expect(within(queue).getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit all' }));
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull());
  },
};

/** A knock while the host is doing something else: announced, never a focus thief. */
export const Knock: Story = {
  args: { scenario: { role: 'host' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const knock = canvas.getByRole('button', { name: 'Someone knocks' });
    await userEvent.click(knock);
    const queue = await canvas.findByRole('region', { name: 'Waiting to join' });
    await expect(within(queue).getByText('Client is waiting')).toBeVisible();
    await expect(knock).toHaveFocus();
    await waitFor(() => expect(canvas.getByTestId('announcer')).toHaveTextContent('Client is waiting to join'));
  },
};

/** With `sound`: a soft two-note chime made with Web Audio (nothing is downloaded). */
export const KnockWithSound: Story = {
  // No camera or microphone here: their synthetic tracks open audio contexts of their own.
  args: { scenario: { role: 'host', camera: false, microphone: false }, sound: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Count the real AudioContexts the chime opens (and closes again).
    const Real = window.AudioContext;
    const opened: AudioContext[] = [];
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options);
        opened.push(this);
      }
    };
    try {
      await userEvent.click(canvas.getByRole('button', { name: 'Someone knocks' }));
      await canvas.findByRole('region', { name: 'Waiting to join' });
      await expect(opened).toHaveLength(1);
      await waitFor(() => expect(opened[0]!.state).toBe('closed'), { timeout: 4000 });
    } finally {
      window.AudioContext = Real;
    }
  },
};

export const SessionFull: Story = {
  args: { scenario: { role: 'host', maxParticipants: 1, people: [{ name: 'Client' }], waiting: ['Caregiver'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const queue = await canvas.findByRole('region', { name: 'Waiting to join' });
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit Caregiver' }));
    await expect(await within(queue).findByText('The session is full. Someone has to leave before Caregiver can join.')).toBeVisible();
    await expect(within(queue).getByText('Caregiver is waiting')).toBeVisible();
  },
};

/** Pinned to the top corner of the call. */
export const Toast: Story = {
  args: { scenario: { role: 'host', waiting: ['Client', 'Caregiver'] }, variant: 'toast' },
  play: async ({ canvasElement }) => {
    const queue = await within(canvasElement).findByRole('region', { name: 'Waiting to join' });
    await expect(queue).toHaveAttribute('data-variant', 'toast');
    const box = queue.getBoundingClientRect();
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    await expect(box.top).toBeGreaterThanOrEqual(0);
  },
};
