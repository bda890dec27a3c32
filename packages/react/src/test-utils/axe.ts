import axe from 'axe-core';

/**
 * Run axe-core on `element` and return the violations as readable lines. `color-contrast` needs
 * real layout and is checked in the Chromium story tests instead.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
