// `?raw` imports (Vite, and the package build's esbuild plugin): the file's text.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
