// esbuild plugin for `import text from './file.css?raw'` (the same import Vite understands):
// the file's text as the default export. Used by the element entry to put styles.css in its
// shadow root. A stylesheet is minified on the way (same rules, fewer bytes in every bundle
// that carries it as text).
import { transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** @type {import('esbuild').Plugin} */
export const rawTextPlugin = {
  name: 'raw-text',
  setup(build) {
    // The path keeps its `?raw` suffix: plugins that load every `*.css` (tsup's own) must not claim it.
    build.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), namespace: 'raw-text' }));
    build.onLoad({ filter: /\?raw$/, namespace: 'raw-text' }, async (args) => {
      const file = args.path.slice(0, -'?raw'.length);
      const text = await readFile(file, 'utf8');
      const contents = file.endsWith('.css') ? (await transform(text, { loader: 'css', minify: true, target: 'es2020' })).code : text;
      return { contents, loader: 'text', watchFiles: [file] };
    });
  },
};
