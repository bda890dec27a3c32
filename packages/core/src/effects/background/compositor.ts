import { MeetingError } from '../../errors/meeting-error';
import { BLUR, COMPOSITE, CUT_OUT, VERTEX } from './shaders';

/** What the compositor draws around the person. */
export type CompositeMode = 'none' | 'blur' | 'image';

/** A WebGL2 compositor: camera frame + person mask → blurred or replaced background. */
export interface Compositor {
  /** The canvas it draws into; its size follows the frames. */
  readonly canvas: HTMLCanvasElement | OffscreenCanvas;
  /** Upload a new person mask (any size; sampled smoothly). */
  setMask(mask: TexImageSource): void;
  /** Upload the replacement image (`null` frees it). */
  setBackgroundImage(image: (TexImageSource & { width: number; height: number }) | null): void;
  /** Draw `frame` (`width`×`height`) with `mode`; `blurRadius` is in pixels of a 640-wide frame. */
  render(frame: TexImageSource, width: number, height: number, mode: CompositeMode, blurRadius: number): void;
  /** Called once if the GPU drops the context (driver reset, too many contexts). */
  onLost(listener: () => void): void;
  /** Delete every GL object and release the context. */
  close(): void;
}

type Gl = WebGL2RenderingContext;

function program(gl: Gl, fragment: string): WebGLProgram {
  const compile = (type: number, source: string) => {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader compile failed');
    return shader;
  };
  const p = gl.createProgram()!;
  const vs = compile(gl.VERTEX_SHADER, VERTEX);
  const fs = compile(gl.FRAGMENT_SHADER, fragment);
  gl.attachShader(p, vs);
  gl.attachShader(p, fs);
  gl.bindAttribLocation(p, 0, 'a_pos');
  gl.linkProgram(p);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(p) ?? 'program link failed');
  return p;
}

function texture(gl: Gl): WebGLTexture {
  const t = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  // 1×1 transparent black: an empty mask means "all background" until the first real mask.
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  return t;
}

/** A small render target for the blur passes. */
interface Target {
  tex: WebGLTexture;
  fbo: WebGLFramebuffer;
}

function target(gl: Gl): Target {
  const tex = texture(gl);
  const fbo = gl.createFramebuffer()!;
  gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  return { tex, fbo };
}

/**
 * Creates the compositor on an `OffscreenCanvas` (`offscreen: true`, for `VideoFrame` output)
 * or a `<canvas>` (for `captureStream`). Throws `unsupported-browser` without WebGL2.
 */
export function createCompositor(offscreen: boolean): Compositor {
  const canvas = offscreen ? new OffscreenCanvas(2, 2) : document.createElement('canvas');
  const context = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, premultipliedAlpha: false, preserveDrawingBuffer: false }) as Gl | null;
  if (!context) throw new MeetingError('unsupported-browser', 'background effects need WebGL2');
  const gl: Gl = context;
  const programs = { cutOut: program(gl, CUT_OUT), blur: program(gl, BLUR), composite: program(gl, COMPOSITE) };
  const quad = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, quad);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
  const frameTex = texture(gl);
  const maskTex = texture(gl);
  const imageTex = texture(gl);
  const small = [target(gl), target(gl)] as const;
  let smallSize = [0, 0];
  let imageAspect = 1;

  const uniform = (p: WebGLProgram, name: string) => gl.getUniformLocation(p, name);
  const bind = (unit: number, tex: WebGLTexture) => {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, tex);
  };
  const draw = (p: WebGLProgram, fbo: WebGLFramebuffer | null, w: number, h: number, flip: boolean) => {
    gl.useProgram(p);
    gl.uniform1f(uniform(p, 'u_flip'), flip ? 1 : 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.viewport(0, 0, w, h);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  };
  const upload = (tex: WebGLTexture, source: TexImageSource) => {
    bind(0, tex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
  };

  /** Blur the cut-out background at about 160 px wide: cheap, and wide blurs look the same. */
  function blurBackground(width: number, height: number, radius: number) {
    const scale = Math.max(1, Math.floor(width / 160));
    const [sw, sh] = [Math.ceil(width / scale), Math.ceil(height / scale)];
    if (sw !== smallSize[0] || sh !== smallSize[1]) {
      for (const t of small) {
        bind(0, t.tex);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, sw, sh, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
      }
      smallSize = [sw, sh];
    }
    gl.useProgram(programs.cutOut);
    bind(0, frameTex);
    bind(1, maskTex);
    gl.uniform1i(uniform(programs.cutOut, 'u_frame'), 0);
    gl.uniform1i(uniform(programs.cutOut, 'u_mask'), 1);
    draw(programs.cutOut, small[0].fbo, sw, sh, false);
    const sigma = Math.max(0.5, (radius * (width / 640)) / scale);
    gl.useProgram(programs.blur);
    gl.uniform1i(uniform(programs.blur, 'u_source'), 0);
    gl.uniform1f(uniform(programs.blur, 'u_sigma'), sigma);
    for (const [from, to, step] of [
      [small[0], small[1], [1 / sw, 0]],
      [small[1], small[0], [0, 1 / sh]],
    ] as const) {
      bind(0, from.tex);
      gl.uniform2f(uniform(programs.blur, 'u_step'), step[0], step[1]);
      draw(programs.blur, to.fbo, sw, sh, false);
    }
    return small[0].tex;
  }

  let lostListener: (() => void) | null = null;
  const onContextLost = (event: Event) => {
    event.preventDefault();
    lostListener?.();
    lostListener = null;
  };
  canvas.addEventListener('webglcontextlost', onContextLost as EventListener);

  return {
    canvas,
    setMask: (mask) => upload(maskTex, mask),
    setBackgroundImage(image) {
      if (!image) {
        bind(0, imageTex);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        return;
      }
      upload(imageTex, image);
      imageAspect = image.width / image.height;
    },
    render(frame, width, height, mode, blurRadius) {
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      upload(frameTex, frame);
      const background = mode === 'blur' ? blurBackground(width, height, blurRadius) : imageTex;
      const p = programs.composite;
      gl.useProgram(p);
      bind(0, frameTex);
      bind(1, maskTex);
      bind(2, background);
      gl.uniform1i(uniform(p, 'u_frame'), 0);
      gl.uniform1i(uniform(p, 'u_mask'), 1);
      gl.uniform1i(uniform(p, 'u_background'), 2);
      gl.uniform1i(uniform(p, 'u_mode'), mode === 'none' ? 0 : mode === 'blur' ? 1 : 2);
      // "cover": scale the image's UVs so it fills the frame and the overflow is cropped evenly.
      const frameAspect = width / height;
      gl.uniform2f(uniform(p, 'u_cover'), Math.min(1, frameAspect / imageAspect), Math.min(1, imageAspect / frameAspect));
      draw(p, null, width, height, true);
    },
    onLost(listener) {
      lostListener = listener;
    },
    close() {
      canvas.removeEventListener('webglcontextlost', onContextLost as EventListener);
      lostListener = null;
      for (const t of small) {
        gl.deleteFramebuffer(t.fbo);
        gl.deleteTexture(t.tex);
      }
      for (const t of [frameTex, maskTex, imageTex]) gl.deleteTexture(t);
      for (const p of Object.values(programs)) gl.deleteProgram(p);
      gl.deleteBuffer(quad);
      // Browsers cap live WebGL contexts per page (16 in Chromium): give this one back now.
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      canvas.width = canvas.height = 1;
    },
  };
}
