import { MemoryWebhookOutbox } from './memory-outbox';
import { runWebhookOutboxContract } from './outbox.contract';

runWebhookOutboxContract('MemoryWebhookOutbox', async (limits) => {
  const outbox = new MemoryWebhookOutbox(limits);
  return { outbox, dispose: async () => outbox.close() };
});
