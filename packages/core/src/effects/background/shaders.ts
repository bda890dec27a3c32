/** GLSL ES 3.00 sources of the background compositor's passes. */

/** Full-screen quad; `u_flip` turns the image upright when drawing to the canvas itself. */
export const VERTEX = `#version 300 es
in vec2 a_pos;
uniform float u_flip;
out vec2 v_uv;
void main() {
  v_uv = vec2(a_pos.x * 0.5 + 0.5, mix(a_pos.y * 0.5 + 0.5, 0.5 - a_pos.y * 0.5, u_flip));
  gl_Position = vec4(a_pos, 0.0, 1.0);
}`;

/** Person weight of a mask sample: soft edge between the model's 30 % and 70 % confidence. */
const PERSON = `float person(vec4 m) { return smoothstep(0.3, 0.7, m.r); }`;

/**
 * Downscale pass: the frame with the person cut out, premultiplied by the background weight (in
 * alpha), so the blur that follows spreads only background colour — no halo of the person.
 */
export const CUT_OUT = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_frame;
uniform sampler2D u_mask;
out vec4 color;
${PERSON}
void main() {
  float bg = 1.0 - person(texture(u_mask, v_uv));
  color = vec4(texture(u_frame, v_uv).rgb * bg, bg);
}`;

/** One direction of a separable Gaussian blur, 17 taps spaced to cover ±2.7 sigma. */
export const BLUR = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_step;
uniform float u_sigma;
out vec4 color;
void main() {
  vec4 sum = vec4(0.0);
  float total = 0.0;
  for (int i = -8; i <= 8; i++) {
    float x = float(i) * max(1.0, u_sigma / 3.0);
    float w = exp(-(x * x) / (2.0 * u_sigma * u_sigma));
    sum += texture(u_source, v_uv + u_step * x) * w;
    total += w;
  }
  color = sum / total;
}`;

/**
 * Final pass: the frame where the person is, the background elsewhere — the blurred cut-out
 * (un-premultiplied) or the replacement image scaled to cover the frame. `u_mode`: 0 the frame
 * as it is, 1 blur, 2 image.
 */
export const COMPOSITE = `#version 300 es
precision mediump float;
in vec2 v_uv;
uniform sampler2D u_frame;
uniform sampler2D u_mask;
uniform sampler2D u_background;
uniform int u_mode;
uniform vec2 u_cover;
out vec4 color;
${PERSON}
void main() {
  vec3 frame = texture(u_frame, v_uv).rgb;
  if (u_mode == 0) {
    color = vec4(frame, 1.0);
    return;
  }
  vec3 background;
  if (u_mode == 1) {
    vec4 b = texture(u_background, v_uv);
    background = b.a > 0.002 ? b.rgb / b.a : frame;
  } else {
    background = texture(u_background, (v_uv - 0.5) * u_cover + 0.5).rgb;
  }
  color = vec4(mix(background, frame, person(texture(u_mask, v_uv))), 1.0);
}`;
