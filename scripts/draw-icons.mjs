#!/usr/bin/env node
/**
 * Draws the add-in's icons into assets/ as PNG files: the add-in's own icon and one per ribbon button,
 * at every size Office asks for. Each size is laid out on its own pixel grid (edges on whole pixels), then
 * rendered from SVG by the system's Chromium through playwright-core.
 *
 *   node scripts/draw-icons.mjs            write assets/*.png
 *   node scripts/draw-icons.mjs --sheet    also write artifacts/icons.png, every icon on one contact sheet
 *
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
/* global process, console */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const assetsDir = join(root, "assets");

/** Excel's greens (the "Good" and ribbon palette), a neutral outline and the "Bad" cell style of interfaces.md. */
const colours = {
  green: "#217346",
  darkGreen: "#185C37",
  lightGreen: "#C6EFCE",
  outline: "#5F5F5F",
  grid: "#A6A6A6",
  paper: "#FFFFFF",
  badFill: "#FFC7CE",
  badText: "#9C0006",
};

/** Button sizes (16, 32, 80 required; 20, 24, 40, 48, 64 used by some clients) and the add-in icon's sizes. */
const buttonSizes = [16, 20, 24, 32, 40, 48, 64, 80];
const appIconSizes = [16, 20, 24, 32, 40, 48, 64, 80, 128];

/** Line thickness in whole pixels for an icon of this size. */
function lineWidth(size) {
  return Math.max(1, Math.round(size / 24));
}

function rect(x, y, width, height, fill, extra = "") {
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}" ${extra}/>`;
}

/** A rectangular frame drawn as four filled bars, so its edges fall on whole pixels. */
function frame(left, top, right, bottom, thickness, fill) {
  return [
    rect(left, top, right - left, thickness, fill),
    rect(left, bottom - thickness, right - left, thickness, fill),
    rect(left, top, thickness, bottom - top, fill),
    rect(right - thickness, top, thickness, bottom - top, fill),
  ].join("");
}

/** Splits [start, end) into `parts` whole-pixel positions of the inner dividers. */
function dividers(start, end, parts) {
  const positions = [];
  for (let i = 1; i < parts; i++) positions.push(Math.round(start + ((end - start) * i) / parts));
  return positions;
}

/**
 * A worksheet table: paper, a green header row, grid lines and an outline.
 * `highlight` paints one body cell in the "Bad" style, as the add-in marks a finding.
 */
function table(
  box,
  size,
  {
    highlight = false,
    header = colours.green,
    paper = colours.paper,
    line = colours.outline,
    grid = colours.grid,
  } = {},
) {
  const t = lineWidth(size);
  const { left, top, right, bottom } = box;
  const columns = size <= 24 ? 2 : 3;
  const rows = size <= 24 ? 2 : 3;
  const headerBottom = top + Math.max(t + 2, Math.round((bottom - top) * 0.28));
  const columnEdges = dividers(left, right, columns);
  const rowEdges = dividers(headerBottom, bottom, rows);
  const parts = [rect(left, top, right - left, bottom - top, paper)];
  if (highlight) {
    // The first body cell of the second row: clear of the badge in the bottom-right corner.
    const cellTop = rows > 2 ? rowEdges[0] : headerBottom;
    const cellBottom = rows > 2 ? rowEdges[1] : rowEdges[0];
    parts.push(rect(left, cellTop, columnEdges[0] - left, cellBottom - cellTop, colours.badFill));
  }
  parts.push(rect(left, top, right - left, headerBottom - top, header));
  for (const x of columnEdges) parts.push(rect(x, headerBottom, t, bottom - headerBottom, grid));
  for (const y of rowEdges) parts.push(rect(left, y, right - left, t, grid));
  if (highlight) {
    const cellTop = rows > 2 ? rowEdges[0] : headerBottom;
    const cellBottom = rows > 2 ? rowEdges[1] : rowEdges[0];
    parts.push(frame(left, cellTop, columnEdges[0] + t, cellBottom + t, t, colours.badText));
  }
  parts.push(frame(left, top, right, bottom, t, line));
  return parts.join("");
}

/** The badge's circle in the bottom-right corner, and the wider cut-out that separates it from the table. */
function badgeGeometry(size, inset = size / 64) {
  const radius = size * 0.26;
  const cx = size - radius - inset;
  const cy = size - radius - inset;
  const gap = Math.max(1, size / 16);
  return { cx, cy, radius, gap };
}

/** Masks the table under the badge (plus a gap), so the badge reads on any ribbon background. */
function cutOut(id, size, badge) {
  return `<mask id="${id}" maskUnits="userSpaceOnUse" x="0" y="0" width="${size}" height="${size}">${rect(0, 0, size, size, "#fff")}<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.radius + badge.gap}" fill="#000"/></mask>`;
}

function checkMark(cx, cy, radius, stroke) {
  const points = [
    [cx - radius * 0.5, cy + radius * 0.02],
    [cx - radius * 0.14, cy + radius * 0.38],
    [cx + radius * 0.52, cy - radius * 0.36],
  ];
  const width = Math.max(1.6, radius * 0.34);
  return `<polyline points="${points.map((p) => p.join(",")).join(" ")}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

function plusSign(cx, cy, radius, fill) {
  const arm = radius * 0.58;
  const width = Math.max(1.5, radius * 0.3);
  return (
    `<rect x="${cx - arm}" y="${cy - width / 2}" width="${arm * 2}" height="${width}" fill="${fill}"/>` +
    `<rect x="${cx - width / 2}" y="${cy - arm}" width="${width}" height="${arm * 2}" fill="${fill}"/>`
  );
}

/** The table's box on a button icon: most of the square, leaving a one-sixteenth margin. */
function buttonTableBox(size) {
  const margin = Math.max(1, Math.round(size / 16));
  return { left: margin, top: Math.round(size * 0.1), right: size - margin, bottom: size - Math.round(size * 0.1) };
}

/** 校验: a table with one cell marked as a finding, and a green check-mark badge. */
function validateIcon(size) {
  const badge = badgeGeometry(size);
  return (
    `<defs>${cutOut("cut", size, badge)}</defs>` +
    `<g mask="url(#cut)">${table(buttonTableBox(size), size, { highlight: true })}</g>` +
    `<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.radius}" fill="${colours.green}"/>` +
    checkMark(badge.cx, badge.cy, badge.radius, colours.paper)
  );
}

/** 插入项目模板: an empty table form with a plus badge. */
function insertTemplateIcon(size) {
  const badge = badgeGeometry(size);
  return (
    `<defs>${cutOut("cut", size, badge)}</defs>` +
    `<g mask="url(#cut)">${table(buttonTableBox(size), size)}</g>` +
    `<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.radius}" fill="${colours.green}"/>` +
    plusSign(badge.cx, badge.cy, badge.radius, colours.paper)
  );
}

/** 显示面板: a window with a sheet on the left and a green task pane listing findings on the right. */
function showPaneIcon(size) {
  const t = lineWidth(size);
  const margin = Math.max(1, Math.round(size / 16));
  const left = margin;
  const right = size - margin;
  const top = Math.round(size * 0.14);
  const bottom = size - Math.round(size * 0.14);
  const paneLeft = left + Math.round((right - left) * 0.5);
  const parts = [rect(left, top, right - left, bottom - top, colours.paper)];
  // The sheet side: a few grid lines.
  const sheetRows = dividers(top, bottom, size <= 24 ? 3 : 4);
  for (const y of sheetRows) parts.push(rect(left, y, paneLeft - left, t, colours.grid));
  for (const x of dividers(left, paneLeft, 2)) parts.push(rect(x, top, t, bottom - top, colours.grid));
  // The pane: solid green with white list lines (only where there is room for them).
  parts.push(rect(paneLeft, top, right - paneLeft, bottom - top, colours.green));
  if (size >= 20) {
    const inset = Math.max(2, Math.round(size / 12));
    const lineHeight = Math.max(1, Math.round(size / 20));
    const lines = size >= 40 ? 4 : 3;
    const ys = dividers(top + inset, bottom - inset + lineHeight, lines + 1);
    ys.forEach((y, index) => {
      const lineRight = index % 2 === 0 ? right - inset : right - inset - Math.round((right - paneLeft) * 0.25);
      parts.push(rect(paneLeft + inset, y - lineHeight, lineRight - paneLeft - inset, lineHeight, colours.paper));
    });
  }
  parts.push(rect(paneLeft, top, t, bottom - top, colours.darkGreen));
  parts.push(frame(left, top, right, bottom, t, colours.outline));
  return parts.join("");
}

/** The add-in's own icon: a green tile holding a white table and a check-mark badge. */
function appIcon(size) {
  const corner = Math.max(2, Math.round(size * 0.16));
  const inset = Math.max(2, Math.round(size * 0.14));
  // The badge sits inside the tile; its gap shows the tile's green.
  const badge = badgeGeometry(size, size * 0.08);
  const box = { left: inset, top: inset, right: size - inset, bottom: size - inset };
  return (
    `<defs>${cutOut("cut", size, badge)}</defs>` +
    `<rect x="0" y="0" width="${size}" height="${size}" rx="${corner}" fill="${colours.green}"/>` +
    `<g mask="url(#cut)">` +
    table(box, size, {
      header: colours.lightGreen,
      paper: colours.paper,
      line: colours.paper,
      grid: colours.green,
    }) +
    `</g>` +
    `<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.radius}" fill="${colours.darkGreen}"/>` +
    checkMark(badge.cx, badge.cy, badge.radius, colours.paper)
  );
}

const icons = [
  { name: "icon", sizes: appIconSizes, draw: appIcon },
  { name: "validate", sizes: buttonSizes, draw: validateIcon },
  { name: "insert-template", sizes: buttonSizes, draw: insertTemplateIcon },
  { name: "show-pane", sizes: buttonSizes, draw: showPaneIcon },
];

function svgDocument(size, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="geometricPrecision">${body}</svg>`;
}

async function render(page, size, svg) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** Every icon, enlarged without smoothing on a light and a dark ribbon colour, for a person to look at. */
function contactSheet() {
  const cells = icons
    .map(({ name, sizes }) => {
      const row = sizes
        .map((size) => `<img src="../assets/${name}-${size}.png" width="${size * 2}" height="${size * 2}">`)
        .join("");
      return `<div class="row"><span>${name}</span>${row}</div>`;
    })
    .join("");
  return `<!doctype html><html><head><style>
    body{margin:0;font:12px sans-serif}
    .band{display:flex;flex-direction:column;gap:8px;padding:12px}
    .row{display:flex;align-items:flex-end;gap:10px}
    .row span{width:100px}
    img{image-rendering:pixelated}
    .light{background:#F3F3F3;color:#000}.dark{background:#292929;color:#fff}
  </style></head><body><div class="band light">${cells}</div><div class="band dark">${cells}</div></body></html>`;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--force-color-profile=srgb", "--font-render-hinting=none"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await mkdir(assetsDir, { recursive: true });
    for (const { name, sizes, draw } of icons) {
      for (const size of sizes) {
        const png = await render(page, size, svgDocument(size, draw(size)));
        await writeFile(join(assetsDir, `${name}-${size}.png`), png);
      }
    }
    if (process.argv.includes("--sheet")) {
      const artifacts = join(root, "artifacts");
      await mkdir(artifacts, { recursive: true });
      const sheetPath = join(artifacts, "icons.html");
      await writeFile(sheetPath, contactSheet());
      await page.setViewportSize({ width: 1100, height: 560 });
      await page.goto(`file://${sheetPath}`);
      await page.screenshot({ path: join(artifacts, "icons.png"), fullPage: true });
    }
  } finally {
    await browser.close();
  }
  const count = icons.reduce((total, icon) => total + icon.sizes.length, 0);
  console.log(`Wrote ${count} icons to ${assetsDir}`);
}

main().catch((error) => {
  console.error(`draw-icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
