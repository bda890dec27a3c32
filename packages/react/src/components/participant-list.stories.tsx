import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SessionMeeting, type SessionScenario } from '../stories/session-scenarios';
import { ParticipantList } from './participant-list';

const meta = {
  title: 'Session/ParticipantList',
  render: ({ scenario }) => (
    <SessionMeeting scenario={scenario}>
      <ParticipantList />
    </SessionMeeting>
  ),
  args: {
    scenario: {
      role: 'host',
      people: [{ name: 'Client' }, { name: 'Interpreter', camera: false, quality: 'fair' }],
      waiting: ['Caregiver'],
    },
  },
} satisfies Meta<{ scenario: SessionScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, name: string) =>
  [...canvasElement.querySelectorAll<HTMLElement>('.mm-person')].find((li) => li.querySelector('.mm-person__name')?.textContent === name)!;

export const Host: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Participants (3)' });
    await expect(canvas.getByRole('group', { name: 'Waiting to join (1)' })).toBeVisible();
    await expect(canvas.getByText(/Ask to mute turns off the person’s microphone on their own device/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Ask to mute Client' }));
    await expect(await canvas.findByText('Asked Client to mute')).toBeVisible();
  },
};

export const RemoveConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const remove = await canvas.findByRole('button', { name: 'Remove Client' });
    await userEvent.click(remove);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Remove Client from the session?' });
    await expect(within(dialog).getByText('They won’t be able to rejoin.')).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
    await expect(remove).toHaveFocus();
    await userEvent.click(remove);
    // Left open: the confirmation itself is the state this story shows.
    await expect(await canvas.findByRole('alertdialog')).toBeVisible();
  },
};

export const Removed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Client' }));
    await userEvent.click(within(await canvas.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Participants (2)' })).toHaveFocus());
  },
};

/** A co-therapist is a host too: no one can mute or remove them from here. */
export const TwoHosts: Story = {
  args: { scenario: { role: 'host', people: [{ name: 'Co-therapist', role: 'host', microphone: false }, { name: 'Client' }] } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Participants (3)' });
    await expect(within(rowOf(canvasElement, 'Co-therapist')).queryAllByRole('button')).toEqual([]);
    await expect(within(rowOf(canvasElement, 'Co-therapist')).getByText('Host')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Client')).getAllByRole('button')).toHaveLength(2);
  },
};

export const Participant: Story = {
  args: { scenario: { people: [{ name: 'Therapist', role: 'host' }, { name: 'Caregiver', microphone: false, quality: 'poor' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Participants (3)' });
    await expect(canvas.queryAllByRole('button')).toEqual([]);
    await expect(within(rowOf(canvasElement, 'Client')).getByText('You')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Caregiver')).getByRole('img', { name: 'Microphone off' })).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Caregiver')).getByRole('img', { name: 'Poor connection' })).toBeVisible();
  },
};
