import type { Meta, StoryObj } from '@storybook/react-vite';
import type { DeviceKind } from '@mentara/meetings-core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { DeviceSelect } from './device-select';

interface Args {
  scenario: StoryScenario;
  kind: DeviceKind;
}

const meta = {
  title: 'Components/DeviceSelect',
  render: ({ scenario, kind }) => (
    <Meeting scenario={scenario}>
      <div style={{ width: 320 }}>
        <DeviceSelect kind={kind} />
      </div>
    </Meeting>
  ),
  args: { scenario: {}, kind: 'camera' },
  argTypes: { kind: { control: 'inline-radio', options: ['camera', 'microphone', 'speaker'] } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Cameras: Story = {
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByLabelText('Camera');
    await userEvent.selectOptions(select, 'USB camera');
    await waitFor(() => expect(select).toHaveValue('cam-2'));
  },
};

export const Microphones: Story = { args: { kind: 'microphone' } };

export const Speakers: Story = { args: { kind: 'speaker' } };

export const NoDevices: Story = {
  args: { scenario: { noDevices: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Camera')).toBeDisabled();
  },
};
