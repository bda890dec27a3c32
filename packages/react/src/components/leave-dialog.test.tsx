import '../test-utils/cleanup';
import { useRef, useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { LeaveDialog, type LeaveOutcome } from './leave-dialog';

function WithTrigger({ onLeave }: { onLeave: (outcome: LeaveOutcome) => void }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={trigger} type="button" onClick={() => setOpen(true)}>
        Leave…
      </button>
      <LeaveDialog open={open} onOpenChange={setOpen} onLeave={onLeave} />
    </>
  );
}

describe('LeaveDialog', () => {
  it('asks everyone to confirm; Stay and Escape close it and give focus back', async () => {
    const client = await joinedClient();
    const onLeave = vi.fn();
    const { container } = renderWithClient(<WithTrigger onLeave={onLeave} />, client);
    const trigger = screen.getByRole('button', { name: 'Leave…' });
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Leave the session?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Stay', 'Leave']);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    await userEvent.click(trigger);
    await userEvent.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    await userEvent.click(trigger);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledWith('left'));
    expect(client.getSnapshot().connection).toBe('disconnected');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps focus inside while open', async () => {
    const client = await joinedClient({ role: 'host' });
    renderWithClient(<WithTrigger onLeave={vi.fn()} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Leave…' }));
    const dialog = screen.getByRole('dialog');
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Stay', 'Leave', 'End session for everyone']);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(buttons[2]);
    await userEvent.tab();
    expect(document.activeElement).toBe(buttons[0]);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(buttons[2]);
  });

  it('lets a host leave while the session goes on', async () => {
    const client = await joinedClient({ role: 'host', participants: [{ displayName: 'Client' }] });
    const onLeave = vi.fn();
    renderWithClient(<WithTrigger onLeave={onLeave} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Leave…' }));
    expect(screen.getByRole('dialog', { name: 'Leave the session?' }).textContent).toContain('If you leave, the session goes on for the others.');
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledWith('left'));
  });

  it('asks a host once more before ending the session for everyone', async () => {
    const client = await joinedClient({ role: 'host', participants: [{ displayName: 'Client' }] });
    const endForAll = vi.spyOn(client.host, 'endForAll');
    const onLeave = vi.fn();
    const { container } = renderWithClient(<WithTrigger onLeave={onLeave} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Leave…' }));
    await userEvent.click(screen.getByRole('button', { name: 'End session for everyone' }));
    const confirm = screen.getByRole('alertdialog', { name: 'End the session for everyone?' });
    expect(confirm.textContent).toContain('Everyone will be disconnected, and nobody can rejoin this session.');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Back' }));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('dialog', { name: 'Leave the session?' })).toBeTruthy();
    expect(endForAll).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'End session for everyone' }));
    await userEvent.click(screen.getByRole('button', { name: 'End session' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledWith('ended'));
    expect(endForAll).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot().media.camera.enabled).toBe(false);
  });
});
