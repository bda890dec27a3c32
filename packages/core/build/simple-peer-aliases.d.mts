/** esbuild `alias` map replacing simple-peer's Node-only dependencies with browser-safe shims. */
export declare const simplePeerAliases: Record<string, string>;
