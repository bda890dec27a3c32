import { cleanup, render, screen } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { version as domVersion } from 'react-dom';
import { version as serverVersion } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingProvider, useMediaToggle } from '@mentara/meetings';
import { createSimulatedClient } from '@mentara/meetings-core/testing';

// Runs in the `react18` vitest project only: proves that project really runs React 18, with one
// copy of React shared by our package, react-dom and Testing Library.
afterEach(() => cleanup());

function MicrophoneButton() {
  const { buttonProps } = useMediaToggle('microphone');
  return <button {...buttonProps}>Microphone</button>;
}

describe('the react18 project', () => {
  it('resolves react, react-dom and react-dom/server to React 18', () => {
    expect([reactVersion, domVersion, serverVersion].map((v) => v.split('.')[0])).toEqual(['18', '18', '18']);
  });

  it('renders our hooks through Testing Library with that one React', async () => {
    const client = createSimulatedClient({ displayName: 'Client' });
    await client.join();
    render(
      <MeetingProvider client={client} join={false}>
        <MicrophoneButton />
      </MeetingProvider>,
    );
    expect(screen.getByRole('button', { name: 'Microphone' }).getAttribute('aria-pressed')).toBe('true');
  });

  // The React 18 side of the one test the project skips (see vitest.config.ts): outside act(),
  // React 18 renders the button disabled while the change is pending, as React 19 does.
  it('disables the toggle button while the change is pending, outside act()', async () => {
    const client = createSimulatedClient({ displayName: 'Client' });
    await client.join();
    render(
      <MeetingProvider client={client} join={false}>
        <MicrophoneButton />
      </MeetingProvider>,
    );
    const button = screen.getByRole('button', { name: 'Microphone' });
    const disabledStates: boolean[] = [];
    const observer = new MutationObserver(() => disabledStates.push(button.hasAttribute('disabled')));
    observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      await client.microphone.toggle();
      // Let React commit the last update (a microtask or a task away).
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
      observer.disconnect();
    }
    expect(disabledStates).toEqual([true, false]);
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});
