import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Meeting, people, type StoryScenario } from '../stories/scenarios';
import { ParticipantGrid, type GridLayout } from './participant-grid';

interface Args {
  scenario: StoryScenario;
  layout: GridLayout;
}

const meta = {
  title: 'Components/ParticipantGrid',
  render: ({ scenario, layout }) => (
    <Meeting scenario={scenario}>
      <div style={{ height: 'calc(100vh - 32px)', display: 'flex' }}>
        <ParticipantGrid layout={layout} />
      </div>
    </Meeting>
  ),
  args: { scenario: {}, layout: 'auto' },
  argTypes: { layout: { control: 'inline-radio', options: ['auto', 'grid', 'focus'] } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const tilesIn = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('group', { name: 'Participants' })).getAllByRole('group');

export const OneParticipant: Story = {
  play: async ({ canvasElement }) => {
    await expect(tilesIn(canvasElement)).toHaveLength(1);
  },
};

export const TwoParticipants: Story = {
  args: { scenario: { people: people(1) } },
  play: async ({ canvasElement }) => {
    await expect(tilesIn(canvasElement)).toHaveLength(2);
  },
};

export const FourParticipants: Story = {
  args: { scenario: { people: [...people(2), { name: 'Trainee', microphone: false }] } },
  play: async ({ canvasElement }) => {
    await expect(tilesIn(canvasElement)).toHaveLength(4);
  },
};

export const SixParticipants: Story = {
  args: { scenario: { people: [...people(4), { name: 'Intruder', camera: false }] } },
  play: async ({ canvasElement }) => {
    const grid = within(canvasElement).getByRole('group', { name: 'Participants' });
    await expect(grid).toHaveAttribute('data-count', '6');
    await expect(tilesIn(canvasElement)).toHaveLength(6);
  },
};

export const ScreenSharing: Story = {
  args: { scenario: { people: [{ name: 'Therapist', screen: true }, ...people(3).slice(1)] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Participants' })).toHaveAttribute('data-layout', 'focus');
    await expect(canvas.getByRole('group', { name: 'Screen of Therapist' })).toBeVisible();
  },
};

export const Pinned: Story = {
  args: { scenario: { people: people(3) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pin = canvas.getByRole('button', { name: 'Pin Trainee' });
    await userEvent.click(pin);
    await expect(canvas.getByRole('group', { name: 'Participants' })).toHaveAttribute('data-layout', 'focus');
    await expect(canvas.getByRole('button', { name: 'Unpin Trainee' })).toHaveAttribute('aria-pressed', 'true');
  },
};

export const FocusLayout: Story = {
  args: { scenario: { people: people(3) }, layout: 'focus' },
};
