import { createSimulatedClient, type SimulatedClient, type SimulationScenario } from '@mentara/meetings-core/testing';

export type { SimulatedClient };

/** A simulated client (core testing kit) whose local participant is "Caregiver", not joined yet. */
export function lobbyClient(scenario: SimulationScenario = {}): SimulatedClient {
  return createSimulatedClient({ displayName: 'Caregiver', ...scenario });
}

/** A simulated client already in the meeting, with camera and microphone on. */
export async function joinedClient(scenario: SimulationScenario = {}): Promise<SimulatedClient> {
  const client = lobbyClient(scenario);
  await client.join();
  return client;
}

/** Ids of the remote participants, in join order. */
export function remoteIds(client: SimulatedClient): string[] {
  return client.getSnapshot().remoteParticipants.map((p) => p.id);
}

/** `names` as scripted participants. */
export function named(...names: string[]): Array<{ displayName: string }> {
  return names.map((displayName) => ({ displayName }));
}
