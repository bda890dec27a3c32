import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { LeaveDialog, type LeaveOutcome } from './leave-dialog';

interface Args {
  scenario: SessionScenario;
  onLeave: (outcome: LeaveOutcome) => void;
}

/** The dialog behind a leave button, as a control bar would open it. */
function WithTrigger({ onLeave }: { onLeave: (outcome: LeaveOutcome) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="mm-button" data-variant="danger" onClick={() => setOpen(true)}>
        Leave…
      </button>
      <LeaveDialog open={open} onOpenChange={setOpen} onLeave={onLeave} />
    </>
  );
}

const meta = {
  title: 'Session/LeaveDialog',
  render: ({ scenario, onLeave }) => (
    <SessionMeeting scenario={scenario}>
      <WithTrigger onLeave={onLeave} />
    </SessionMeeting>
  ),
  args: { scenario: { people: [{ name: 'Therapist', role: 'host' }] }, onLeave: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const open = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Leave…' }));
  return canvas;
};

export const Participant: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await open(canvasElement);
    const dialog = await canvas.findByRole('dialog', { name: 'Leave the session?' });
    await expect(within(dialog).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await expect(within(dialog).queryByRole('button', { name: 'End session for everyone' })).toBeNull();
  },
};

export const ParticipantLeaves: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = await open(canvasElement);
    await userEvent.click(within(await canvas.findByRole('dialog')).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(args.onLeave).toHaveBeenCalledWith('left'));
  },
};

export const EscapeReturnsFocus: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await open(canvasElement);
    await canvas.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(canvas.getByRole('button', { name: 'Leave…' })).toHaveFocus();
  },
};

export const Host: Story = {
  args: { scenario: { role: 'host', people: [{ name: 'Client' }] } },
  play: async ({ canvasElement }) => {
    const canvas = await open(canvasElement);
    const dialog = await canvas.findByRole('dialog', { name: 'Leave the session?' });
    await expect(dialog).toHaveTextContent('If you leave, the session goes on for the others.');
    await expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Stay', 'Leave', 'End session for everyone']);
  },
};

export const HostConfirmsEnd: Story = {
  args: { scenario: { role: 'host', people: [{ name: 'Client' }] } },
  play: async ({ canvasElement }) => {
    const canvas = await open(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'End session for everyone' }));
    const confirm = await canvas.findByRole('alertdialog', { name: 'End the session for everyone?' });
    await expect(within(confirm).getByRole('button', { name: 'Back' })).toHaveFocus();
    await expect(within(confirm).getByRole('button', { name: 'End session' })).toHaveAttribute('data-variant', 'danger');
  },
};

export const HostEndsForEveryone: Story = {
  args: { scenario: { role: 'host', people: [{ name: 'Client' }] } },
  play: async ({ canvasElement, args }) => {
    const canvas = await open(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'End session for everyone' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'End session' }));
    await waitFor(() => expect(args.onLeave).toHaveBeenCalledWith('ended'));
  },
};
