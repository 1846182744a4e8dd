/**
 * The press variant's sheet, set inside the already laid-out page (page.evaluate) just
 * before its second print: every @page box grows by the bleed on each side and its margins
 * grow by the same amount, so the page area, and with it every page box, line and note the
 * layout pass placed, stays exactly as in the screen PDF. `--bleed` (0 by default, in the
 * stylesheets) becomes the bleed, so backgrounds drawn to the page edge run on into it.
 *
 * The bleed is rounded up to whole CSS pixels (3 mm -> 12 px, 3.175 mm): Chromium snaps the
 * page area to whole pixels, so only a whole-pixel offset moves every line by exactly the
 * same amount. The PDF's BleedBox is then cut to the bleed asked for (finish.ts).
 *
 * Serialised into the page like the layout pass: self-contained, no imports.
 */

export interface PressSheet {
  /** The trimmed page (the screen PDF's page size), in millimetres. */
  trimWidthMm: number;
  trimHeightMm: number;
  /** How far the trimmed page sits from the sheet's top and left edges, in CSS pixels. */
  offsetPx: number;
  /** The @page selectors whose boxes were enlarged ('' is the universal @page rule). */
  selectors: string[];
}

export function pressSheetInPage(bleedMm: number): PressSheet {
  const doc = document;
  const UNITS: Record<string, number> = {
    mm: 1,
    cm: 10,
    in: 25.4,
    pt: 25.4 / 72,
    pc: 25.4 / 6,
    px: 25.4 / 96,
    q: 0.25,
  };
  const mm = (length: string): number => {
    // Plain lengths exactly (no rounding to layout units), anything else through a probe.
    const plain = /^\s*(-?\d*\.?\d+)\s*(mm|cm|in|pt|pc|px|q)\s*$/i.exec(length);
    if (plain) return Number(plain[1]) * (UNITS[(plain[2] as string).toLowerCase()] as number);
    if (/^\s*0\s*$/.test(length)) return 0;
    const probe = doc.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:${length}`;
    doc.body.appendChild(probe);
    const px = probe.getBoundingClientRect().height;
    probe.remove();
    return (px * 25.4) / 96;
  };
  const SIZES: Record<string, [string, string]> = {
    a3: ['297mm', '420mm'],
    a4: ['210mm', '297mm'],
    a5: ['148mm', '210mm'],
    b4: ['250mm', '353mm'],
    b5: ['176mm', '250mm'],
    letter: ['8.5in', '11in'],
    legal: ['8.5in', '14in'],
    ledger: ['11in', '17in'],
  };
  const parseSize = (value: string): [number, number] | undefined => {
    const words = value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const landscape = words.includes('landscape');
    const rest = words.filter((w) => w !== 'landscape' && w !== 'portrait');
    let wh: [string, string] | undefined;
    if (rest.length === 1 && SIZES[rest[0] as string]) wh = SIZES[rest[0] as string];
    else if (rest.length === 1 && rest[0] !== 'auto') wh = [rest[0] as string, rest[0] as string];
    else if (rest.length === 2) wh = [rest[0] as string, rest[1] as string];
    if (!wh) return undefined;
    const [w, h] = [mm(wh[0]), mm(wh[1])];
    if (!(w > 0 && h > 0)) return undefined;
    return landscape ? [h, w] : [w, h];
  };

  // Each selector's own size and margins, later rules overriding earlier ones as in the cascade.
  const SIDES = ['top', 'right', 'bottom', 'left'] as const;
  interface Box {
    size?: [number, number];
    margins: Partial<Record<(typeof SIDES)[number], number>>;
  }
  const boxes = new Map<string, Box>();
  for (const sheet of Array.from(doc.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSPageRule)) continue;
      const box = boxes.get(rule.selectorText) ?? { margins: {} };
      const size = rule.style.getPropertyValue('size');
      if (size) box.size = parseSize(size) ?? box.size;
      for (const side of SIDES) {
        const m = rule.style.getPropertyValue(`margin-${side}`);
        if (m) box.margins[side] = mm(m);
      }
      boxes.set(rule.selectorText, box);
    }
  }
  const universal = boxes.get('') ?? { margins: {} };
  const trim = universal.size;
  if (!trim) throw new Error('press sheet: the stylesheet has no @page size to add the bleed to');
  const offsetPx = Math.ceil((bleedMm * 96) / 25.4 - 1e-6);
  const px = (v: number) => `${((v * 96) / 25.4 + 2 * offsetPx).toFixed(4)}px`;
  const overrides: string[] = [];
  const selectors: string[] = [];
  for (const [selector, box] of boxes) {
    const declares = box.size !== undefined || SIDES.some((s) => box.margins[s] !== undefined);
    if (selector !== '' && !declares) continue; // inherits the universal rule's override
    const [w, h] = box.size ?? trim;
    const margins = SIDES.map(
      (s) => `margin-${s}: calc(${box.margins[s] ?? universal.margins[s] ?? 0}mm + ${offsetPx}px);`,
    ).join(' ');
    overrides.push(`@page ${selector} { size: ${px(w)} ${px(h)}; ${margins} }`);
    selectors.push(selector);
  }
  const style = doc.createElement('style');
  style.setAttribute('data-kd-press', '');
  style.textContent = `${overrides.join('\n')}\n:root { --bleed: ${offsetPx}px; }`;
  doc.head.appendChild(style);
  return { trimWidthMm: trim[0], trimHeightMm: trim[1], offsetPx, selectors };
}
