import { MemoryRoomStore } from './memory-store';
import { runRoomStoreContract } from './room-store.contract';

runRoomStoreContract('MemoryRoomStore', () => new MemoryRoomStore());
