/**
 * The package stylesheet, rewritten for the element's shadow root:
 *
 * - Theme variables move from `.mm-root` to `:host`. Inside a shadow root, a page's normal rule on
 *   the element (`mentara-meeting { --mm-accent: … }`) wins over the shadow's own `:host` rule, so
 *   the page themes the room with plain custom properties; left on `.mm-root` they would be
 *   declared again below the host and the page's values could never reach the room.
 *   `data-theme` on `.mm-root` becomes the host's `theme` attribute (the element reflects it).
 * - Width media queries become container queries on the host: the layout follows the element's
 *   own width, as an iframe's would, not the width of the page around it.
 *
 * Everything else is kept as written. The transform works on text (no CSSOM), so it runs the same
 * in every browser, in happy-dom and on a server.
 */

/** Container name of the host; the width queries of the stylesheet ask it. */
export const HOST_CONTAINER = 'mentara-meeting';

/**
 * Rules of the element itself, ahead of the package stylesheet. The host fills its container
 * (give the container, or the element, a height); the room fills the host.
 */
const HOST_RULES = `:host{display:block;position:relative;width:100%;height:100%;min-height:24rem;container:${HOST_CONTAINER}/inline-size}
:host([hidden]){display:none}
.mm-element{height:100%}`;

interface Rule {
  /** Selector, or the at-rule's prelude (`@media (max-width: 640px)`). */
  prelude: string;
  /** Text between the braces; `null` for a statement such as `@import …;`. */
  body: string | null;
}

/** Top-level rules of a stylesheet (comments already removed). Braces inside strings are skipped. */
function splitRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let bodyStart = 0;
  let prelude = '';
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{') {
      if (depth === 0) {
        prelude = css.slice(start, i).trim();
        bodyStart = i + 1;
      }
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        rules.push({ prelude, body: css.slice(bodyStart, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      const statement = css.slice(start, i).trim();
      if (statement) rules.push({ prelude: statement, body: null });
      start = i + 1;
    }
  }
  return rules;
}

/** Declarations of a rule body, split on `;` outside parentheses and strings. */
function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let parens = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') parens += 1;
    else if (c === ')') parens -= 1;
    else if (c === ';' && parens === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((d) => d.trim()).filter(Boolean);
}

const THEME_ROOT = /^\.mm-root((?:\[data-theme=(['"]?)[\w-]+\2\]|:not\(\[data-theme=(['"]?)[\w-]+\3\]\))*)$/;

/**
 * The host selector for a rule on the room root: `.mm-root` → `:host`,
 * `.mm-root[data-theme='dark']` → `:host([theme='dark'])`,
 * `.mm-root:not([data-theme='light'])` → `:host(:not([theme='light']))`. `null` for any other
 * selector list (every selector of the list must be one of these shapes).
 */
export function hostSelectorFor(selectorList: string): string | null {
  const hosts = selectorList.split(',').map((selector) => {
    const match = THEME_ROOT.exec(selector.trim().replace(/\s+/g, ' '));
    if (!match) return null;
    const condition = (match[1] ?? '').replace(/data-theme=/g, 'theme=');
    return condition ? `:host(${condition})` : ':host';
  });
  return hosts.every((h): h is string => h !== null) ? hosts.join(',') : null;
}

const WIDTH_QUERY = /^@media\s+((?:\(\s*(?:max|min)-width\s*:\s*[\d.]+(?:px|r?em)\s*\)(?:\s+and\s+)?)+)$/i;

function transformRules(css: string): string {
  return splitRules(css)
    .map(({ prelude, body }) => {
      if (body === null) return `${prelude};`;
      // Grouping rules hold rules of their own: convert those too (a stylesheet may put its theme in a layer).
      if (/^@(media|supports|layer)\b/i.test(prelude)) {
        const width = WIDTH_QUERY.exec(prelude);
        const head = width ? `@container ${HOST_CONTAINER} ${width[1]?.trim()}` : prelude;
        return `${head}{${transformRules(body)}}`;
      }
      if (prelude.startsWith('@')) return `${prelude}{${body}}`;
      const host = hostSelectorFor(prelude);
      if (!host) return `${prelude}{${body.trim()}}`;
      const declarations = splitDeclarations(body);
      const variables = declarations.filter((d) => d.startsWith('--'));
      const rest = declarations.filter((d) => !d.startsWith('--'));
      return [
        variables.length ? `${host}{${variables.join(';')}}` : '',
        rest.length ? `${prelude}{${rest.join(';')}}` : '',
      ].join('');
    })
    .join('\n');
}

/**
 * `styles.css` as the element's shadow root needs it: the element's own host rules, then the
 * package rules with theme variables on `:host` and width queries on the host's container.
 *
 * @example
 * style.textContent = shadowStylesFrom(packageCss)
 */
export function shadowStylesFrom(packageCss: string): string {
  return `${HOST_RULES}\n${transformRules(packageCss.replace(/\/\*[\s\S]*?\*\//g, ''))}`;
}
