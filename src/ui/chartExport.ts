/**
 * The charts as pictures: each chart is an SVG that React drew, so SVG export is that element
 * with its colours written in (CSS variables do not travel), and PNG export draws the same SVG
 * onto a canvas at twice the size, for slides.
 */

/** A standalone copy of an SVG element with computed colours inlined. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const background = getComputedStyle(svg.closest('.chart') ?? svg).backgroundColor;
  copy.style.background = background;
  return new XMLSerializer().serializeToString(copy);
}

export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const scale = 2;
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const STYLE_PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  const declarations = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', declarations);
  for (let i = 0; i < source.children.length; i++) {
    inlineStyles(source.children[i]!, target.children[i]!);
  }
}

/** Every chart under `root`, titled and laid out two to a row, as one SVG document. */
export function chartsAsSvg(root: ParentNode): { svg: string; width: number; height: number } {
  const charts = [...root.querySelectorAll('.chart')].flatMap((figure) => {
    const plot = figure.querySelector('.chart-plot > svg');
    if (!(plot instanceof SVGSVGElement)) return [];
    const title = figure.querySelector('.chart-title')?.textContent ?? '';
    return [{ title, keys: keysOf(figure), plot, box: plot.getBoundingClientRect() }];
  });
  const cellWidth = Math.max(1, ...charts.map((c) => c.box.width));
  const ink = textColour(root);
  const keyRows = charts.map((c) => layoutKeys(c.keys, cellWidth));
  const header = TITLE_HEIGHT + KEY_ROW_HEIGHT * Math.max(0, ...keyRows.map(rowCount));
  const cellHeight = Math.max(1, ...charts.map((c) => c.box.height)) + header;
  const columns = Math.min(2, Math.max(1, charts.length));
  const rows = Math.ceil(charts.length / columns);
  const width = Math.round(columns * cellWidth + (columns + 1) * GAP);
  const height = Math.round(rows * cellHeight + (rows + 1) * GAP);
  const parts = charts.map((c, i) => {
    const x = GAP + (i % columns) * (cellWidth + GAP);
    const y = GAP + Math.floor(i / columns) * (cellHeight + GAP);
    const inner = standaloneSvg(c.plot).replace('<svg ', `<svg x="${x}" y="${y + header}" `);
    const style = `font:600 13px sans-serif;fill:${ink}`;
    const title = `<text x="${x}" y="${y + 14}" style="${style}">${escapeXml(c.title)}</text>`;
    return title + keysSvg(keyRows[i]!, x, y + TITLE_HEIGHT, ink) + inner;
  });
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

interface LineKey {
  name: string;
  stroke: string;
  dash: string | null;
}

/** The chart's key of lines, read from its small key swatches. */
function keysOf(figure: Element): LineKey[] {
  return [...figure.querySelectorAll('.chart-key')].flatMap((key) => {
    const line = key.querySelector('line');
    if (!line) return [];
    const stroke = line.getAttribute('stroke') ?? 'currentColor';
    return [{ name: key.textContent ?? '', stroke, dash: line.getAttribute('stroke-dasharray') }];
  });
}

interface PlacedKey extends LineKey {
  dx: number;
  row: number;
}

/** Keys left to right under the title, wrapping to a new row at the cell's width. */
function layoutKeys(keys: LineKey[], width: number): PlacedKey[] {
  let dx = 0;
  let row = 0;
  return keys.map((k) => {
    const keyWidth = 28 + 7 * k.name.length;
    if (dx > 0 && dx + keyWidth > width) [dx, row] = [0, row + 1];
    const placed = { ...k, dx, row };
    dx += keyWidth;
    return placed;
  });
}

function rowCount(keys: PlacedKey[]): number {
  return keys.length === 0 ? 0 : keys[keys.length - 1]!.row + 1;
}

/** A short line in each key's colour, then its name. */
function keysSvg(keys: PlacedKey[], x0: number, y0: number, ink: string): string {
  return keys
    .map((k) => {
      const x = x0 + k.dx;
      const y = y0 + KEY_ROW_HEIGHT * (k.row + 1) - 4;
      const dash = k.dash ? ` stroke-dasharray="${k.dash}"` : '';
      return (
        `<line x1="${x}" x2="${x + 16}" y1="${y - 4}" y2="${y - 4}" stroke="${k.stroke}" ` +
        `stroke-width="2.5"${dash}/>` +
        `<text x="${x + 20}" y="${y}" style="font:12px sans-serif;fill:${ink}">` +
        `${escapeXml(k.name)}</text>`
      );
    })
    .join('');
}

const GAP = 12;
const TITLE_HEIGHT = 20;
const KEY_ROW_HEIGHT = 18;

function textColour(root: ParentNode): string {
  const element = root instanceof Element ? root : document.body;
  return getComputedStyle(element).color;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
