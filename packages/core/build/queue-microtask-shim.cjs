// queue-microtask falls back to the Node `global` outside a window (e.g. in a Web Worker);
// every supported runtime has `queueMicrotask`, so use it through `globalThis`.
module.exports = (cb) => globalThis.queueMicrotask(cb);
