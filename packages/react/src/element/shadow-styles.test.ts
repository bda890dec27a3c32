import { describe, expect, it } from 'vitest';
import packageCss from '../styles.css?raw';
import { hostSelectorFor, shadowStylesFrom } from './shadow-styles';

/** Innermost `selector { declarations }` pairs of a stylesheet, at-rule preludes left out. */
function styleRules(css: string): Array<{ selector: string; body: string }> {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: (m[1] ?? '').trim(),
    body: m[2] ?? '',
  }));
}

describe('hostSelectorFor', () => {
  it('maps the room root and its theme forms to the host', () => {
    expect(hostSelectorFor('.mm-root')).toBe(':host');
    expect(hostSelectorFor(".mm-root[data-theme='dark']")).toBe(":host([theme='dark'])");
    expect(hostSelectorFor('.mm-root[data-theme=dark]')).toBe(':host([theme=dark])');
    expect(hostSelectorFor(".mm-root:not([data-theme='light'])")).toBe(":host(:not([theme='light']))");
    expect(hostSelectorFor(".mm-root, .mm-root[data-theme='dark']")).toBe(":host,:host([theme='dark'])");
  });

  it('leaves every other selector alone', () => {
    expect(hostSelectorFor('.mm-root *')).toBeNull();
    expect(hostSelectorFor('.mm-root :focus-visible')).toBeNull();
    expect(hostSelectorFor('.mm-root, .mm-tile')).toBeNull();
    expect(hostSelectorFor('.mm-grid')).toBeNull();
  });
});

describe('shadowStylesFrom', () => {
  it('converts rules inside layers, media and supports blocks alike', () => {
    const css = shadowStylesFrom(
      "@layer mm{.mm-root{--mm-accent:#123;color:red}@media (max-width: 640px){.mm-root[data-theme='dark']{--mm-bg:#000}}}",
    );
    expect(css).toContain("@layer mm{:host{--mm-accent:#123}.mm-root{color:red}\n@container mentara-meeting (max-width: 640px){:host([theme='dark']){--mm-bg:#000}}}");
  });
});

describe('shadowStylesFrom(styles.css)', () => {
  const css = shadowStylesFrom(packageCss);
  const rules = styleRules(css);

  it('declares every theme variable on the host, none on the room root', () => {
    const onRoot = rules.filter((r) => r.selector.includes('.mm-root') && /--mm-[\w-]+\s*:/.test(r.body));
    expect(onRoot).toEqual([]);
    const declared = (selector: string) => rules.filter((r) => r.selector === selector).map((r) => r.body).join(';');
    expect(declared(':host')).toMatch(/--mm-accent:\s*#/);
    expect(declared(":host([theme='dark'])")).toMatch(/--mm-bg:\s*#/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{:host\(:not\(\[theme='light'\]\)\)\{--mm-bg/);
    // Every variable the package declares on `.mm-root` is declared on the host.
    const packageVariables = new Set(packageCss.match(/--mm-[\w-]+(?=\s*:)/g));
    for (const name of packageVariables) {
      if (rules.some((r) => r.body.includes(`${name}:`))) continue;
      throw new Error(`${name} is declared nowhere in the shadow styles`);
    }
  });

  it('keeps the root’s other declarations on the root', () => {
    expect(rules.find((r) => r.selector === '.mm-root')?.body).toMatch(/font-family:\s*var\(--mm-font\)/);
  });

  it('asks the host’s width instead of the viewport’s', () => {
    expect(css).not.toMatch(/@media \((max|min)-width/);
    expect(css).toContain('@container mentara-meeting (max-width: 640px){');
    expect(css).toMatch(/:host\{[^}]*container:mentara-meeting\/inline-size/);
    // Queries that are not about width stay media queries.
    expect(css).toContain('@media (prefers-reduced-motion: reduce){');
  });

  it('keeps every other rule of the package', () => {
    const selectors = new Set(rules.map((r) => r.selector));
    for (const { selector } of styleRules(packageCss.replace(/\/\*[\s\S]*?\*\//g, ''))) {
      if (hostSelectorFor(selector) || selector.startsWith('@') || /^(\d+%|from|to)$/.test(selector)) continue;
      expect(selectors).toContain(selector);
    }
  });
});
