import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { useParticipantIds } from '../hooks/use-participants';
import { VideoTile } from './video-tile';

interface Args {
  scenario: StoryScenario;
  /** 0 = local participant, 1 = first remote. */
  index: number;
  source: 'camera' | 'screen';
}

function Tile({ index, source }: Omit<Args, 'scenario'>) {
  const id = useParticipantIds()[index];
  return (
    <div style={{ width: 480, height: 270, display: 'flex' }}>{id ? <VideoTile participantId={id} source={source} /> : null}</div>
  );
}

const meta = {
  title: 'Components/VideoTile',
  render: ({ scenario, ...rest }) => (
    <Meeting scenario={scenario}>
      <Tile {...rest} />
    </Meeting>
  ),
  args: { scenario: { people: [{ name: 'Therapist' }] }, index: 1, source: 'camera' },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByRole('group', { name: 'Therapist' });
    await expect(tile).toHaveAttribute('data-camera', 'on');
    await expect(tile).toHaveAttribute('data-microphone', 'on');
  },
};

export const Muted: Story = {
  args: { scenario: { people: [{ name: 'Therapist', microphone: false }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Muted' })).toBeVisible();
  },
};

export const CameraOff: Story = {
  args: { scenario: { people: [{ name: 'Group Facilitator', camera: false }] } },
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByRole('group', { name: 'Group Facilitator' });
    await expect(tile).toHaveAttribute('data-camera', 'off');
    await expect(within(tile).getByText('GF')).toBeVisible();
  },
};

export const Speaking: Story = {
  args: { scenario: { people: [{ name: 'Therapist', speaking: true }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Therapist' })).toHaveAttribute('data-speaking', 'true');
  },
};

export const PoorConnection: Story = {
  args: { scenario: { people: [{ name: 'Therapist', quality: 'poor' }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Poor connection' })).toBeVisible();
  },
};

export const Reconnecting: Story = {
  args: { scenario: { people: [{ name: 'Therapist', peerState: 'reconnecting', quality: 'lost' }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Therapist' })).toHaveAttribute('data-state', 'reconnecting');
  },
};

export const Local: Story = {
  args: { index: 0 },
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByRole('group', { name: 'Caregiver (You)' });
    await expect(tile).toHaveAttribute('data-local', 'true');
    await expect(tile.querySelector('video')?.muted).toBe(true);
  },
};

export const ScreenShare: Story = {
  args: { scenario: { people: [{ name: 'Therapist', screen: true }] }, source: 'screen' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Screen of Therapist' })).toHaveAttribute('data-source', 'screen');
  },
};

/** Their camera gives no picture (they told us over the connection): initials instead of a still frame, and why. */
export const CameraStalled: Story = {
  args: { scenario: { people: [{ name: 'Therapist', receiving: { level: 'paused', reason: 'camera' } }] } },
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByRole('group', { name: 'Therapist' });
    await expect(tile).toHaveAttribute('data-camera', 'off');
    await expect(tile).toHaveAttribute('data-note', 'cameraStalled');
    await expect(within(tile).getByText('No picture from camera')).toBeVisible();
  },
};

/** Our own camera gives the call no picture: the self view says so. */
export const LocalCameraStalled: Story = {
  args: { index: 0, scenario: { people: [{ name: 'Therapist' }], sendingVideo: { level: 'paused', reason: 'camera' } } },
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByRole('group', { name: 'Caregiver (You)' });
    await expect(tile).toHaveAttribute('data-note', 'cameraStalled');
  },
};
