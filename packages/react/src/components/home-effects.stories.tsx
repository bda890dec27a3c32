import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import type { BackgroundImageOption } from '../hooks/use-background-effect';
import { SessionMeeting } from '../stories/session-scenarios';
import { BackgroundEffectPicker } from './background-effect-picker';
import { NoiseSuppressionToggle } from './noise-suppression-toggle';
import { SelfPreview } from './self-preview';

/** A generated picture (no file is fetched): soft bands of colour, like a plain wall or shelves. */
function picture(colors: string[]): string {
  if (typeof document === 'undefined') return '';
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d')!;
  colors.forEach((color, i) => {
    ctx.fillStyle = color;
    ctx.fillRect(0, (i * canvas.height) / colors.length, canvas.width, canvas.height / colors.length + 1);
  });
  return canvas.toDataURL('image/png');
}

const BACKGROUNDS: BackgroundImageOption[] = [
  { id: 'wall', label: 'Plain wall', src: picture(['#e8e2d6', '#ddd5c6', '#d2c9b8']) },
  { id: 'shelves', label: 'Bookshelves', src: picture(['#6b5744', '#8a7055', '#5d4b3a', '#9a8265']) },
];

const selectProcessors = (s: MeetingSnapshot) => `${s.media.camera.processor ?? 'none'} / ${s.media.microphone.processor ?? 'none'}`;

/** What the client sends, as the snapshot says (`snapshot.media[source].processor`). */
function Readout() {
  const processors = useMeeting(selectProcessors);
  return (
    <p data-testid="processors" style={{ fontSize: '0.85rem' }}>
      Camera / microphone processor: {processors}
    </p>
  );
}

interface Args {
  storageKey: string;
  stored?: string;
}

const meta = {
  title: 'Session/HomeEffects',
  render: ({ storageKey }) => (
    <SessionMeeting scenario={{ waitingRoom: true }}>
      <div style={{ display: 'grid', gap: 16, maxWidth: 420 }}>
        <SelfPreview />
        <BackgroundEffectPicker assetsUrl="/mentara-effects/" backgrounds={BACKGROUNDS} storageKey={`${storageKey}:background`} />
        <NoiseSuppressionToggle assetsUrl="/mentara-effects/" storageKey={`${storageKey}:noise`} />
        <Readout />
      </div>
    </SessionMeeting>
  ),
  args: { storageKey: 'story:effects' },
  beforeEach: ({ args }) => {
    localStorage.removeItem(`${args.storageKey}:background`);
    localStorage.removeItem(`${args.storageKey}:noise`);
    if (args.stored) for (const pair of args.stored.split(',')) localStorage.setItem(`${args.storageKey}:${pair.split('=')[0]}`, pair.split('=')[1]!);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ChooseBackground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const none = await canvas.findByRole('radio', { name: 'None' });
    await expect(none).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: 'Blur' }));
    await waitFor(() => expect(canvas.getByTestId('processors')).toHaveTextContent(/: background \//));
    await waitFor(() => expect(canvasElement.querySelector('.mm-effects')).toHaveAttribute('data-state', 'on'));
    await expect(canvasElement.querySelector('.mm-preview')).toHaveAttribute('data-processor', 'background');
    // Arrow keys move between the choices (native radio buttons).
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Plain wall' })).toBeChecked());
    await waitFor(() => expect(canvasElement.querySelector('.mm-effects')).toHaveAttribute('data-state', 'on'));
    await expect(localStorage.getItem('story:effects:background')).toBe('image:wall');
  },
};

/** A choice from the last visit is applied again. */
export const RememberedBlur: Story = {
  args: { storageKey: 'story:effects-remembered', stored: 'background=blur' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Blur' })).toBeChecked());
    await waitFor(() => expect(canvas.getByTestId('processors')).toHaveTextContent(/: background \//));
  },
};

export const NoiseSuppressionOnByDefault: Story = {
  args: { storageKey: 'story:effects-noise' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole('switch', { name: 'Reduce background noise' });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    // Audio may start only after the page's first gesture: any key press counts.
    await userEvent.keyboard('{Shift}');
    await waitFor(() => expect(canvas.getByTestId('processors')).toHaveTextContent(/\/ noise-suppression$/));
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    await expect(localStorage.getItem('story:effects-noise:noise')).toBe('off');
  },
};

export const NoiseSuppressionRememberedOff: Story = {
  args: { storageKey: 'story:effects-noise-off', stored: 'noise=off' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole('switch', { name: 'Reduce background noise' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(canvas.getByTestId('processors')).toHaveTextContent(/\/ none$/);
  },
};
