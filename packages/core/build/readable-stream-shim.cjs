// The subset of `readable-stream`'s Duplex that simple-peer uses. simple-peer extends Duplex so
// it can be piped; the SDK never pipes it (it uses `send()` and 'data' events), so the full
// Node stream implementation (~35 KB) is replaced by this in the published bundle.
const { EventEmitter } = require('events');

class Duplex extends EventEmitter {
  constructor() {
    super();
    this.readable = true;
    this.writable = true;
    this._readableState = { ended: false };
    this._writableState = { finished: false };
  }

  /** Deliver a received chunk as a 'data' event; `null` ends the readable side. */
  push(chunk) {
    if (chunk === null) {
      if (!this._readableState.ended) {
        this._readableState.ended = true;
        queueMicrotask(() => this.emit('end'));
      }
      return false;
    }
    this.emit('data', chunk);
    return true;
  }

  write(chunk, encoding, cb) {
    const done = typeof encoding === 'function' ? encoding : cb;
    this._write(chunk, typeof encoding === 'string' ? encoding : 'utf8', done ?? (() => {}));
    return true;
  }

  end() {
    if (this._writableState.finished) return this;
    this._writableState.finished = true;
    queueMicrotask(() => this.emit('finish'));
    return this;
  }
}

module.exports = { Duplex };
