import type { Plugin } from 'esbuild';
/** esbuild plugin: `import text from './file.css?raw'` gives the file's text. */
export declare const rawTextPlugin: Plugin;
