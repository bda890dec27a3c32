/** Where the ready script is written: `packages/react/dist/mentara-meeting.js`. */
export declare const READY_SCRIPT_PATH: string;
/** Source folders the ready script is made from (for staleness checks). */
export declare const READY_SCRIPT_SOURCES: string[];
/** Bundles the ready script into `outfile` (default `READY_SCRIPT_PATH`); resolves with its path. */
export declare function buildReadyScript(outfile?: string): Promise<string>;
/** Builds the ready script when it is missing or older than its sources; resolves with whether it built. */
export declare function ensureReadyScript(): Promise<boolean>;
