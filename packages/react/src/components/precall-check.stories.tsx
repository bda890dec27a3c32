import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createSimulatedPrecallCheck, type SimulatedPrecallOptions } from '@mentara/meetings-core/testing';
import { PrecallCheck } from './precall-check';

/** A scripted check (no devices, no server): each story says how the steps end. */
const meta = {
  title: 'Components/PrecallCheck',
  render: ({ script, autoStart }) => (
    <PrecallCheck options={{ serverUrl: 'https://meetings.example.invalid' }} autoStart={autoStart} runCheck={() => createSimulatedPrecallCheck({ stepMs: 200, ...script })} />
  ),
  args: { script: {}, autoStart: true },
} satisfies Meta<{ script: SimulatedPrecallOptions; autoStart: boolean }>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Check your camera, microphone and connection' });
const done = (canvasElement: HTMLElement) => waitFor(() => expect(panel(canvasElement)).toHaveAttribute('data-state', 'done'), { timeout: 5_000 });
const GOOD_NETWORK = { figures: { rttMs: 38, packetLoss: 0, availableBitrate: 1_450_000 } };

/** Before the check: what it does, and a button (a click lets the page measure the microphone). */
export const NotStarted: Story = {
  args: { autoStart: false, script: { steps: { network: GOOD_NETWORK } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('It takes about 15 seconds. Nothing is recorded.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start check' }));
    await done(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Run again' })).toBeVisible();
  },
};

/** Running: finished steps, the one being checked, the ones waiting; it can be stopped. */
export const Running: Story = {
  args: { script: { holdAt: 'relay' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Video connection').closest('li')).toHaveAttribute('data-status', 'running'));
    await expect(canvas.getByText('Camera').closest('li')).toHaveTextContent('Good');
    await expect(canvas.getByRole('button', { name: 'Stop check' })).toBeVisible();
  },
};

/** Stopped by the person before the end. */
export const Stopped: Story = {
  args: { script: { holdAt: 'network' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop check' }));
    await waitFor(() => expect(panel(canvasElement)).toHaveAttribute('data-state', 'cancelled'));
    await expect(canvas.getByRole('status')).toHaveTextContent('The check was stopped.');
  },
};

/** Everything works. */
export const Passed: Story = {
  args: { script: { steps: { network: GOOD_NETWORK } } },
  play: async ({ canvasElement }) => {
    await done(canvasElement);
    await expect(panel(canvasElement)).toHaveAttribute('data-verdict', 'good');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('You are ready. Everything works well.');
    await expect(within(canvasElement).getByText('38 ms round trip · 0 % lost · 1450 kbit/s')).toBeVisible();
  },
};

/** Works, with warnings: a dark picture and a weak connection, each with what to do. */
export const Warnings: Story = {
  args: {
    script: {
      steps: {
        camera: { verdict: 'fair', reason: 'dark-picture', advice: ['improve-lighting'] },
        network: {
          verdict: 'poor',
          reason: 'packet-loss',
          advice: ['move-closer-to-router', 'close-apps-using-network', 'expect-audio-only'],
          figures: { rttMs: 182, packetLoss: 0.08, availableBitrate: 151_000 },
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await done(canvasElement);
    const status = within(canvasElement).getByRole('status');
    await expect(panel(canvasElement)).toHaveAttribute('data-verdict', 'poor');
    await expect(status).toHaveTextContent('You can join, but the call may be choppy:');
    await expect(within(status).getAllByRole('listitem')).toHaveLength(4);
  },
};

/** Failed: the network blocks the relay, so the connection test could not run. */
export const Failed: Story = {
  args: {
    script: {
      steps: {
        relay: { verdict: 'failed', reason: 'no-relay-candidates', advice: ['network-blocks-relay'] },
        network: { skipped: true },
      },
    },
  },
  play: async ({ canvasElement }) => {
    await done(canvasElement);
    const canvas = within(canvasElement);
    await expect(panel(canvasElement)).toHaveAttribute('data-verdict', 'failed');
    await expect(canvas.getByText('Video connection').closest('li')).toHaveTextContent('Not working — Your network blocks video calls');
    await expect(canvas.getByRole('status')).toHaveTextContent(/Something needs fixing before the call:.*phone’s hotspot/);
  },
};

/** Failed: camera access blocked in the browser. */
export const CameraBlocked: Story = {
  args: { script: { steps: { camera: { verdict: 'failed', reason: 'permission-denied', advice: ['allow-camera'] }, network: GOOD_NETWORK } } },
  play: async ({ canvasElement }) => {
    await done(canvasElement);
    await expect(within(canvasElement).getByText('Camera').closest('li')).toHaveTextContent('Not working — Access is blocked');
  },
};
