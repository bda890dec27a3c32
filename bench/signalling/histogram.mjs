/**
 * A mergeable latency histogram with ~1 % relative precision (log buckets over microseconds):
 * load generators send these to the orchestrator instead of every sample.
 */
const BASE = Math.log(1.01);

export class Histogram {
  constructor(buckets = {}) {
    this.buckets = { ...buckets };
    this.count = Object.values(this.buckets).reduce((a, b) => a + b, 0);
  }

  /** Records one latency in milliseconds. */
  record(ms) {
    const us = Math.max(0, ms * 1000);
    const index = Math.round(Math.log(us + 1) / BASE);
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
    this.count += 1;
  }

  merge(other) {
    for (const [index, n] of Object.entries(other.buckets)) this.buckets[index] = (this.buckets[index] ?? 0) + n;
    this.count += other.count;
    return this;
  }

  /** The latency (ms) below which fraction `q` of the samples fall; `NaN` when empty. */
  quantile(q) {
    if (this.count === 0) return Number.NaN;
    const target = Math.ceil(q * this.count);
    let seen = 0;
    for (const index of Object.keys(this.buckets).map(Number).sort((a, b) => a - b)) {
      seen += this.buckets[index];
      if (seen >= target) return (Math.exp(index * BASE) - 1) / 1000;
    }
    return Number.NaN;
  }

  toJSON() {
    return { buckets: this.buckets };
  }
}
