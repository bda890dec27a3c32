/**
 * A synthetic camera picture for the background-effects tests: a head-and-shoulders person
 * (hair, face with eyes, brows, nose and mouth, neck, shirt) in front of a detailed room
 * (bookshelves, a patterned wall, a framed picture). Drawn procedurally, so no photo is needed,
 * and returned with the ground truth: which pixels are the person.
 */

/** An RGBA picture plus its person mask (1 = person, 0 = background). */
export interface Scene {
  width: number;
  height: number;
  /** RGBA, row-major, `width * height * 4` bytes. */
  rgba: Uint8Array;
  /** 1 where the person is drawn, 0 elsewhere. */
  person: Uint8Array;
}

type Rgb = readonly [number, number, number];

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same picture. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Draws the scene at `width`×`height` (640×480 by default). */
export function drawScene(width = 640, height = 480): Scene {
  const rgba = new Uint8Array(width * height * 4);
  const person = new Uint8Array(width * height);
  const rand = random(7);
  const sx = width / 640;
  const sy = height / 480;

  const put = (x: number, y: number, [r, g, b]: Rgb, alpha = 1) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 4;
    rgba[i] = clamp(rgba[i]! * (1 - alpha) + r * alpha);
    rgba[i + 1] = clamp(rgba[i + 1]! * (1 - alpha) + g * alpha);
    rgba[i + 2] = clamp(rgba[i + 2]! * (1 - alpha) + b * alpha);
    rgba[i + 3] = 255;
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, color: Rgb) => {
    for (let y = Math.round(y0 * sy); y < Math.round(y1 * sy); y++) for (let x = Math.round(x0 * sx); x < Math.round(x1 * sx); x++) put(x, y, color);
  };
  /** A filled ellipse with an optional shading function (d = 0 centre … 1 edge) and soft edge. */
  const ellipse = (cx: number, cy: number, rx: number, ry: number, color: Rgb, opts: { shade?: number; mask?: boolean; clipBelow?: number } = {}) => {
    const [px, py, prx, pry] = [cx * sx, cy * sy, rx * sx, ry * sy];
    for (let y = Math.floor(py - pry - 1); y <= Math.ceil(py + pry + 1); y++) {
      if (opts.clipBelow !== undefined && y > opts.clipBelow * sy) continue;
      for (let x = Math.floor(px - prx - 1); x <= Math.ceil(px + prx + 1); x++) {
        const d = Math.hypot((x - px) / prx, (y - py) / pry);
        if (d > 1.02) continue;
        const edge = Math.min(1, (1.02 - d) * 40);
        const k = 1 - (opts.shade ?? 0) * d * d;
        put(x, y, [color[0] * k, color[1] * k, color[2] * k], edge);
        if (opts.mask && d <= 1 && x >= 0 && y >= 0 && x < width && y < height) person[y * width + x] = 1;
      }
    }
  };

  // The room: a warm wall with fine vertical grain and noise.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grain = 18 * Math.sin(x * 1.7) + 10 * Math.sin(x * 0.45 + y * 0.08) + 24 * (rand() - 0.5);
      put(x, y, [190 + grain, 172 + grain, 140 + grain]);
    }
  }
  // Two bookshelves full of narrow, many-coloured spines: plenty of edges to blur.
  for (const [x0, x1] of [
    [0, 170],
    [470, 640],
  ] as const) {
    rect(x0, 40, x1, 470, [92, 60, 36]);
    for (let shelf = 0; shelf < 5; shelf++) {
      const top = 50 + shelf * 84;
      let x = x0 + 6;
      while (x < x1 - 8) {
        const w = 5 + Math.floor(rand() * 9);
        const h = 50 + Math.floor(rand() * 24);
        const color: Rgb = [40 + rand() * 200, 40 + rand() * 200, 40 + rand() * 200];
        rect(x, top + 74 - h, Math.min(x + w, x1 - 6), top + 74, color);
        rect(x, top + 74 - h + 8, Math.min(x + w, x1 - 6), top + 74 - h + 11, [230, 210, 120]);
        x += w + 1;
      }
      rect(x0, top + 74, x1, top + 82, [70, 44, 26]);
    }
  }
  // A framed picture with a checkerboard on the wall behind the person.
  rect(205, 20, 435, 110, [40, 30, 20]);
  for (let y = 28; y < 102; y++) for (let x = 213; x < 427; x++) put(Math.round(x * sx), Math.round(y * sy), ((x >> 3) + (y >> 3)) % 2 ? [230, 230, 220] : [40, 90, 150]);

  // The person. Shirt first (shoulders and chest), then neck, hair, ears, face.
  const shirt: Rgb = [46, 84, 150];
  for (let y = Math.round(300 * sy); y < height; y++) {
    const t = (y / sy - 300) / 180;
    const half = (150 + 90 * Math.sqrt(Math.min(1, t * 2.2))) * sx;
    for (let x = Math.round(320 * sx - half); x <= Math.round(320 * sx + half); x++) {
      const fold = 14 * Math.sin((x / sx) * 0.09 + t * 3) * (1 - Math.abs(x / sx - 320) / 260);
      const side = 1 - 0.35 * Math.pow(Math.abs(x / sx - 320) / 260, 2);
      put(x, y, [shirt[0] * side + fold, shirt[1] * side + fold, shirt[2] * side + fold]);
      if (x >= 0 && x < width) person[y * width + x] = 1;
    }
  }
  ellipse(200, 335, 62, 40, shirt, { shade: 0.3, mask: true });
  ellipse(440, 335, 62, 40, shirt, { shade: 0.3, mask: true });
  const skin: Rgb = [224, 172, 140];
  for (let y = Math.round(225 * sy); y < Math.round(315 * sy); y++) {
    for (let x = Math.round(292 * sx); x <= Math.round(348 * sx); x++) {
      const k = 0.82 - 0.15 * Math.pow((x / sx - 320) / 28, 2);
      put(x, y, [skin[0] * k, skin[1] * k, skin[2] * k]);
      person[y * width + x] = 1;
    }
  }
  ellipse(320, 310, 36, 18, [skin[0] * 0.85, skin[1] * 0.85, skin[2] * 0.85], { mask: true }); // V of the collar
  ellipse(320, 150, 74, 78, [58, 38, 26], { shade: 0.3, mask: true }); // hair
  ellipse(256, 180, 11, 20, [skin[0] * 0.9, skin[1] * 0.9, skin[2] * 0.9], { shade: 0.2, mask: true });
  ellipse(384, 180, 11, 20, [skin[0] * 0.9, skin[1] * 0.9, skin[2] * 0.9], { shade: 0.2, mask: true });
  ellipse(320, 182, 62, 80, skin, { shade: 0.25, mask: true }); // face
  ellipse(320, 118, 64, 28, [58, 38, 26], { shade: 0.2, clipBelow: 128 }); // fringe
  for (const ex of [295, 345]) {
    ellipse(ex, 170, 12, 6, [245, 245, 240]);
    ellipse(ex, 170, 5, 5, [60, 40, 30]);
    ellipse(ex, 170, 2, 2, [10, 10, 10]);
    ellipse(ex, 156, 14, 3, [70, 46, 30]);
  }
  ellipse(320, 195, 7, 16, [skin[0] * 0.9, skin[1] * 0.88, skin[2] * 0.88], { shade: 0.2 });
  ellipse(320, 210, 9, 3, [skin[0] * 0.7, skin[1] * 0.62, skin[2] * 0.6]);
  ellipse(320, 228, 18, 5, [170, 70, 70], { shade: 0.3 });
  return { width, height, rgba, person };
}

/**
 * Encodes `scene` as a one-frame YUV4MPEG2 (4:2:0) file, the format Chromium's fake camera plays
 * with `--use-file-for-fake-video-capture` (it loops the file at the header's frame rate).
 */
export function sceneToY4m(scene: Scene, fps = 30): Buffer {
  const { width: w, height: h, rgba } = scene;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const p = (j * w + i) * 4;
      const [r, g, b] = [rgba[p]!, rgba[p + 1]!, rgba[p + 2]!];
      // BT.601 limited range, what Chromium assumes for the fake capture.
      y[j * w + i] = clamp(Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b));
      if (j % 2 === 0 && i % 2 === 0) {
        const c = (j / 2) * (w / 2) + i / 2;
        u[c] = clamp(Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b));
        v[c] = clamp(Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b));
      }
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F${fps}:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, Buffer.from('FRAME\n'), y, u, v]);
}
