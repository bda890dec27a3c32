import type { ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MeetingProvider } from '../context/meeting-provider';
import type { MeetingMessages } from '../messages/messages';
import { createTestClient, type TestClient } from './test-client';

/** Render `ui` inside a provider around a `TestClient` (already joined unless told otherwise). */
export function renderWithClient(
  ui: ReactNode,
  options: { client?: TestClient; join?: boolean; messages?: Partial<MeetingMessages> } = {},
): RenderResult & { client: TestClient } {
  const client = options.client ?? createTestClient({ joined: true });
  const result = render(
    <MeetingProvider client={client} join={options.join ?? false} messages={options.messages}>
      {ui}
    </MeetingProvider>,
  );
  return { ...result, client };
}
