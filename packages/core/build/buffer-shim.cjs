// simple-peer only touches Buffer to wrap binary data-channel messages (`Buffer.from(ArrayBuffer)`);
// the SDK reads such messages as Uint8Array, so the 25 KB `buffer` polyfill is not shipped.
const Buffer = {
  from: (value) => new Uint8Array(value),
  isBuffer: (value) => value instanceof Uint8Array,
};
module.exports = { Buffer };
