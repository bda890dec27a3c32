import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { PreJoin } from './pre-join';

interface Args {
  scenario: StoryScenario;
  onJoin: (values: { displayName: string }) => void;
  defaultDisplayName?: string;
}

const meta = {
  title: 'Components/PreJoin',
  render: ({ scenario, ...props }) => (
    <Meeting scenario={scenario}>
      <PreJoin {...props} />
    </Meeting>
  ),
  args: { scenario: { joined: false }, onJoin: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Stop camera' })).toHaveAttribute('aria-pressed', 'true');
    const meter = canvas.getByRole('meter', { name: 'Microphone level' });
    // The fake microphone plays a tone: the level meter must move.
    await waitFor(() => expect(Number(meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0), { timeout: 5000 });
    await userEvent.type(canvas.getByRole('textbox', { name: 'Your name' }), 'Visitor');
    await userEvent.click(canvas.getByRole('button', { name: 'Join meeting' }));
    await expect(args.onJoin).toHaveBeenCalledWith({ displayName: 'Visitor' });
  },
};

export const NamePrefilled: Story = { args: { defaultDisplayName: 'Visitor' } };

export const CameraOff: Story = {
  args: { defaultDisplayName: 'Visitor' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const camera = await canvas.findByRole('button', { name: 'Stop camera' });
    await waitFor(() => expect(camera).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(camera);
    await expect(await canvas.findByText('Your camera is off')).toBeVisible();
    await expect(camera).toHaveAccessibleName('Start camera');
  },
};

export const PermissionDenied: Story = {
  args: { scenario: { joined: false, mediaFailure: 'permission-denied' }, defaultDisplayName: 'Visitor' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Allow the camera and microphone/);
    await expect(canvas.getByText('Your camera is off')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const NoDevices: Story = {
  args: { scenario: { joined: false, noDevices: true, mediaFailure: 'device-not-found' } },
};
