import '../test-utils/cleanup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { axeViolations } from '../test-utils/axe';
import { AudioOnlyToggle } from './audio-only-toggle';

describe('AudioOnlyToggle', () => {
  it('says what pressing does and shows the state; the camera stays on', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist' }] });
    renderWithClient(<AudioOnlyToggle />, client);
    const button = screen.getByRole('button', { name: 'Switch to audio only' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.dataset.state).toBe('off');
    expect(await axeViolations(button)).toEqual([]);
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Turn video back on' }).getAttribute('aria-pressed')).toBe('true'));
    expect(client.getSnapshot().localVideo).toEqual({ audioOnly: true, sending: { level: 'paused', reason: 'audio-only' } });
    expect(client.getSnapshot().localParticipant?.media.camera).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Turn video back on' }));
    await waitFor(() => expect(client.getSnapshot().localVideo.audioOnly).toBe(false));
    expect(screen.getByRole('button', { name: 'Switch to audio only' }).dataset.state).toBe('off');
  });

  it('keeps its name for screen readers when the label is hidden', async () => {
    renderWithClient(<AudioOnlyToggle showLabel={false} />, await joinedClient({ audioOnly: true }));
    const button = screen.getByRole('button', { name: 'Turn video back on' });
    expect(button.querySelector('.mm-visually-hidden')?.textContent).toBe('Turn video back on');
  });
});
