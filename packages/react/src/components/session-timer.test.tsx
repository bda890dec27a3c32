import '../test-utils/cleanup';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { LiveAnnouncer } from './live-announcer';
import { SessionTimer } from './session-timer';

const timer = () => document.querySelector<HTMLElement>('.mm-timer')!;

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionTimer', () => {
  it('shows the elapsed time when the session has no end', async () => {
    const client = await joinedClient();
    act(() => client.simulate.updateMeeting({ startedAt: Date.now() - (12 * 60 + 5) * 1000 }));
    const { container } = renderWithClient(<SessionTimer />, client);
    expect(timer().dataset).toMatchObject({ state: 'running', mode: 'elapsed' });
    expect(screen.getByRole('timer').textContent).toMatch(/^Session time 12:0[56]$/);
    expect(screen.queryByRole('button')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('counts the time left once a second, by the server clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // The device's clock is 2 minutes behind the server's.
    const client = await joinedClient({ clockOffsetMs: 120_000, endsAt: Date.now() + 120_000 + 40 * 60_000 });
    renderWithClient(<SessionTimer />, client);
    expect(screen.getByRole('timer').textContent).toMatch(/^Session time (40:00|39:59) left$/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });
    expect(screen.getByRole('timer').textContent).toMatch(/^Session time 39:5[67] left$/);
    expect(timer().dataset.state).toBe('running');
  });

  it('turns calm "ending soon" five minutes before the end, said once, and a host can add 15 minutes', async () => {
    const client = await joinedClient({ role: 'host', endsAt: Date.now() + 4 * 60_000 + 30_000 });
    const extend = vi.spyOn(client.host, 'extend');
    const { container } = renderWithClient(
      <>
        <SessionTimer />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    expect(timer().dataset.state).toBe('ending-soon');
    expect(screen.getByText('Ending soon')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    const button = screen.getByRole('button', { name: '+15 min' });
    expect(button.getAttribute('title')).toBe('Add 15 minutes to the session');
    await userEvent.click(button);
    expect(extend).toHaveBeenCalledWith(15);
    await waitFor(() => expect(timer().dataset.state).toBe('running'));
    expect(screen.getByRole('timer').textContent).toMatch(/^Session time 19:[23]\d left$/);
    expect(screen.getByTestId('announcer').textContent).toMatch(/^The session now ends at \d{1,2}:\d{2}/);
  });

  it('announces the five-minute warning once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const client = await joinedClient({ endsAt: Date.now() + 5 * 60_000 + 10_000 });
    const said: string[] = [];
    renderWithClient(<LiveAnnouncer data-testid="announcer" />, client);
    const region = screen.getByTestId('announcer');
    const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_000);
    });
    expect(region.textContent).toBe('');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    observer.disconnect();
    expect(region.textContent).toBe('The session ends in 5 minutes');
    expect(said.filter((text) => text === 'The session ends in 5 minutes')).toHaveLength(1);
  });

  it('shows no extend button to participants, and says when it has not started or has ended', async () => {
    const client = await joinedClient({ endsAt: Date.now() + 30 * 60_000 });
    renderWithClient(<SessionTimer />, client);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => client.simulate.updateMeeting({ startedAt: undefined, endsAt: undefined, status: 'waiting' }));
    expect(timer().dataset.state).toBe('idle');
    expect(screen.getByRole('timer').textContent).toBe('Session time Not started');
    act(() => client.simulate.endMeeting());
    expect(timer().dataset.state).toBe('ended');
    expect(screen.getByRole('timer').textContent).toBe('Session time Ended');
  });
});
