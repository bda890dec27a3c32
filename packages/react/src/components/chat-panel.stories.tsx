import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Meeting, people, type StoryScenario } from '../stories/scenarios';
import { ChatPanel } from './chat-panel';

const meta = {
  title: 'Components/ChatPanel',
  render: ({ scenario }) => (
    <Meeting scenario={scenario}>
      <div style={{ height: 480, display: 'flex' }}>
        <ChatPanel />
      </div>
    </Meeting>
  ),
  args: { scenario: { people: people(1) } },
} satisfies Meta<{ scenario: StoryScenario }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No messages yet.')).toBeVisible();
  },
};

export const WithMessages: Story = {
  args: {
    scenario: {
      people: people(2),
      chat: [
        { from: 0, text: 'Good morning — can you hear me all right?' },
        { from: 'me', text: 'Yes, clearly. Thank you.' },
        { from: 1, text: 'I will keep my camera off today, if that is fine.' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Of course.{Enter}');
    await expect(await canvas.findByText('Of course.')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  },
};
