import type { ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import type { MeetingClient } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import type { MeetingMessagesInput } from '../messages/messages';

/** Render `ui` inside a `<MeetingProvider>` around `client`, without joining. */
export function renderWithClient(
  ui: ReactNode,
  client: MeetingClient,
  options: { messages?: MeetingMessagesInput } = {},
): RenderResult {
  return render(
    <MeetingProvider client={client} join={false} messages={options.messages}>
      {ui}
    </MeetingProvider>,
  );
}
