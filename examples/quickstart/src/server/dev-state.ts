import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { QUICKSTART_ROOT } from './web-build';

/** Where `npm start` keeps its development state unless `QUICKSTART_STATE_FILE` says otherwise (git-ignored). */
export const DEFAULT_STATE_FILE = join(QUICKSTART_ROOT, '.data', 'dev-state.json');

/** How many meetings the file remembers (the oldest are forgotten first). */
const MAX_MEETINGS = 500;

/** A meeting as the file keeps it: its id, when it was created and its schedule, if it has one. */
export interface KeptMeeting {
  meetingId: string;
  createdAt: number;
  startsAt?: number;
  endsAt?: number;
}

/** What survives a restart of the development server. */
export interface DevState {
  /** Signs and verifies the demo's meeting tokens, so tokens issued before a restart stay valid. */
  secret: string;
  /** Meetings created here, newest last, so their links keep working after a restart. */
  meetings: KeptMeeting[];
}

/** The development state in one JSON file (owner-only permissions), with writes that never leave it half-written. */
export interface DevStateFile {
  readonly state: DevState;
  /** Remembers a new meeting (with its schedule, so a restart keeps the session window) and saves the file. */
  addMeeting(meeting: KeptMeeting): Promise<void>;
}

function isKeptMeeting(value: unknown): value is KeptMeeting {
  const m = value as KeptMeeting | null;
  const time = (t: unknown) => t === undefined || (typeof t === 'number' && Number.isFinite(t));
  return typeof m?.meetingId === 'string' && typeof m.createdAt === 'number' && time(m.startsAt) && time(m.endsAt);
}

function isState(value: unknown): value is DevState {
  const v = value as DevState | null;
  return typeof v?.secret === 'string' && v.secret.length >= 32 && Array.isArray(v.meetings);
}

/**
 * Opens (or creates) the state file: a random 256-bit secret on first use, kept from then on.
 * A missing or unreadable file starts afresh — the worst case is that old links stop working.
 */
export async function openDevState(path: string): Promise<DevStateFile> {
  let state: DevState | undefined;
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (isState(parsed)) state = { secret: parsed.secret, meetings: parsed.meetings.filter(isKeptMeeting) };
  } catch {
    // First start, or a damaged file: a new secret below.
  }
  const current: DevState = state ?? { secret: randomBytes(32).toString('base64url'), meetings: [] };
  let writing = Promise.resolve();
  const save = () => {
    writing = writing.then(async () => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(current, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    });
    return writing;
  };
  if (!state) await save();
  return {
    state: current,
    async addMeeting(meeting) {
      current.meetings.push(meeting);
      if (current.meetings.length > MAX_MEETINGS) current.meetings.splice(0, current.meetings.length - MAX_MEETINGS);
      await save();
    },
  };
}
