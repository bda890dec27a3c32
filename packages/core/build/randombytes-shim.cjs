// simple-peer uses `randombytes(n).toString('hex')` for its debug id and data-channel name.
module.exports = function randomBytes(size) {
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  return {
    length: size,
    toString: () => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''),
  };
};
