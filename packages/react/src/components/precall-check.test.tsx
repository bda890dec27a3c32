import '../test-utils/cleanup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulatedPrecallCheck, type SimulatedPrecallOptions } from '@mentara/meetings-core/testing';
import type { PrecallCheck as PrecallCheckRun } from '@mentara/meetings-core';
import { renderWithClient } from '../test-utils/render';
import { lobbyClient } from '../test-utils/simulated';
import { axeViolations } from '../test-utils/axe';
import { PrecallCheck } from './precall-check';

const options = { serverUrl: 'http://127.0.0.1:9' };
function simulated(script: SimulatedPrecallOptions) {
  const started: PrecallCheckRun[] = [];
  const runCheck = () => {
    const check = createSimulatedPrecallCheck({ stepMs: 5, ...script });
    started.push(check);
    return check;
  };
  return { runCheck, started };
}

describe('PrecallCheck', () => {
  it('waits for a click, shows each step with a word, then the verdict and advice', async () => {
    const { runCheck } = simulated({ steps: { network: { verdict: 'poor', reason: 'packet-loss', advice: ['move-closer-to-router', 'expect-audio-only'], figures: { rttMs: 182.4, packetLoss: 0.083, availableBitrate: 151_000 } } } });
    const onResult = vi.fn();
    renderWithClient(<PrecallCheck options={options} runCheck={runCheck} onResult={onResult} />, lobbyClient());
    const panel = screen.getByRole('region', { name: 'Check your camera, microphone and connection' });
    expect(panel.dataset.state).toBe('idle');
    expect(screen.getByText('It takes about 15 seconds. Nothing is recorded.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start check' }));
    expect(panel.dataset.state).toBe('running');
    await waitFor(() => expect(panel.dataset.state).toBe('done'));
    expect(panel.dataset.verdict).toBe('poor');
    const steps = within(screen.getByRole('list', { name: 'Check steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual(['CameraGood', 'MicrophoneGood', 'Meeting serviceGood', 'Video connectionGood', 'Connection qualityWeak — Some data gets lost182 ms round trip · 8.3 % lost · 151 kbit/s']);
    const summary = screen.getByRole('status');
    expect(summary.textContent).toContain('You can join, but the call may be choppy:');
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Move closer to your Wi-Fi router, or use a cable.',
      'If the connection stays weak, video pauses by itself so you can still hear each other.',
    ]);
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ state: 'done', overall: 'poor' }));
    expect(screen.getByRole('button', { name: 'Run again' })).toBeTruthy();
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('can be stopped while it runs, and is stopped when unmounted', async () => {
    const { runCheck, started } = simulated({ holdAt: 'relay' });
    const { unmount } = renderWithClient(<PrecallCheck options={options} runCheck={runCheck} />, lobbyClient());
    await userEvent.click(screen.getByRole('button', { name: 'Start check' }));
    await waitFor(() => expect(screen.getByText('Video connection').closest('li')?.dataset.status).toBe('running'));
    await userEvent.click(screen.getByRole('button', { name: 'Stop check' }));
    const panel = screen.getByRole('region');
    await waitFor(() => expect(panel.dataset.state).toBe('cancelled'));
    expect(screen.getByRole('status').textContent).toBe('The check was stopped.');
    await userEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(started).toHaveLength(2);
    expect(started[1]!.getSnapshot().state).toBe('running');
    act(() => unmount());
    expect(started[1]!.getSnapshot().state).toBe('cancelled');
  });

  it('says what failed and what to do', async () => {
    const { runCheck } = simulated({
      steps: { relay: { verdict: 'failed', reason: 'no-relay-candidates', advice: ['network-blocks-relay'] }, network: { skipped: true } },
    });
    renderWithClient(<PrecallCheck options={options} runCheck={runCheck} autoStart />, lobbyClient());
    const panel = screen.getByRole('region');
    await waitFor(() => expect(panel.dataset.state).toBe('done'));
    expect(panel.dataset.verdict).toBe('failed');
    expect(screen.getByText('Not working — Your network blocks video calls')).toBeTruthy();
    expect(screen.getByText('Connection quality').closest('li')?.textContent).toBe('Connection qualitySkipped');
    expect(screen.getByRole('status').textContent).toContain('Something needs fixing before the call:');
  });
});
