import '../test-utils/cleanup';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { backgroundProcessingSupport, noiseSuppressionSupport } from '@mentara/meetings-core/effects';
import { MeetingProvider } from '../context/meeting-provider';
import { useBackgroundEffect } from '../hooks/use-background-effect';
import { useNoiseSuppression } from '../hooks/use-noise-suppression';
import { renderWithClient } from '../test-utils/render';
import { lobbyClient } from '../test-utils/simulated';
import { BackgroundEffectPicker } from './background-effect-picker';
import { NoiseSuppressionToggle } from './noise-suppression-toggle';

// happy-dom has no WebGL2 and no AudioWorklet, like a browser that cannot run the effects: the
// pickers must simply not be offered, and nothing may be put in front of the camera or microphone.
// (Choosing effects is checked in Chromium: the stories' play functions and tests/e2e/session-effects.test.ts.)
describe('BackgroundEffectPicker and NoiseSuppressionToggle where the browser cannot run them', () => {
  it('is how this environment is', () => {
    expect(backgroundProcessingSupport()).toBe('unsupported');
    expect(noiseSuppressionSupport()).toBe('unsupported');
  });

  it('offers nothing, and leaves camera and microphone as they are, even with a remembered choice', async () => {
    localStorage.setItem('mentara-meetings:background', 'blur');
    try {
      const client = lobbyClient();
      const { container } = renderWithClient(
        <>
          <BackgroundEffectPicker assetsUrl="/mentara-effects/" backgrounds={[{ id: 'wall', label: 'Plain wall', src: '/wall.jpg' }]} />
          <NoiseSuppressionToggle assetsUrl="/mentara-effects/" />
        </>,
        client,
      );
      const wrapper = ({ children }: { children: ReactNode }) => (
        <MeetingProvider client={client} join={false}>
          {children}
        </MeetingProvider>
      );
      const { result } = renderHook(() => ({ background: useBackgroundEffect({ assetsUrl: '/fx/' }), noise: useNoiseSuppression({ assetsUrl: '/fx/' }) }), { wrapper });
      expect(result.current.background.support).toBe('checking');
      await waitFor(() => expect(result.current.background.support).toBe('unsupported'));
      await waitFor(() => expect(result.current.noise.support).toBe('unsupported'));
      expect(result.current.background).toMatchObject({ choice: 'none', state: 'off' });
      expect(result.current.noise).toMatchObject({ enabled: false, state: 'off' });
      expect(container.innerHTML).toBe('');
      expect(client.camera.processor).toBeNull();
      expect(client.microphone.processor).toBeNull();
    } finally {
      localStorage.removeItem('mentara-meetings:background');
    }
  });
});
