import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RenderedImage, Resvg } from '@resvg/resvg-js';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { chartImage } from '../../src/features/reports/chart';
import { chartFonts, createChartFonts } from '../../src/features/reports/chart-font';

/** Labels only, in both scripts, on white: any pixel that isn't white is a drawn letter. */
const LABELS = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" viewBox="0 0 400 60" font-family="DejaVu Sans, sans-serif">
<rect width="400" height="60" fill="#ffffff"/>
<text x="10" y="24" font-size="14" fill="#202124">Sessions held</text>
<text x="10" y="48" font-size="14" font-weight="bold" fill="#202124">Состоявшиеся встречи</text>
</svg>`;

function inkPixels(image: Pick<RenderedImage, 'pixels'>): number {
  const px = image.pixels; // a copy per read: read it once
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) {
    if ((px[i] ?? 255) < 200 && (px[i + 1] ?? 255) < 200 && (px[i + 2] ?? 255) < 200) ink++;
  }
  return ink;
}

describe("the chart's font ships with the package", () => {
  it('is the DejaVu files from node_modules, with the host’s fonts not loaded at all', () => {
    const fonts = chartFonts();
    expect(fonts.loadSystemFonts).toBe(false);
    expect(fonts.defaultFontFamily).toBe('DejaVu Sans');
    expect(fonts.fontFiles).toEqual([
      realpathSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      realpathSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    ]);
  });

  it('draws Latin and Cyrillic labels from it', () => {
    expect(inkPixels(chartImage(LABELS))).toBeGreaterThan(500);
  });

  it('works from a compiled bundle in dist/ as from src/', async () => {
    // The production shape: one bundle, packages left to node_modules beside it.
    const root = mkdtempSync(join(tmpdir(), 'tandem-chart-bundle-'));
    try {
      symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
      await build({
        entryPoints: [resolve('src/features/reports/chart.ts')],
        outfile: join(root, 'dist/chart.js'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'silent',
      });
      const script = `
        const { chartImage } = await import(${JSON.stringify(join(root, 'dist/chart.js'))});
        const svg = ${JSON.stringify(LABELS)};
        const warnings = [];
        const image = chartImage(svg, { warn: (o) => warnings.push(o) });
        const px = image.pixels; // a copy per read: read it once
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i] < 200 && px[i + 1] < 200 && px[i + 2] < 200) ink++;
        console.log(JSON.stringify({ ink, warnings }));
      `;
      const out = JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          cwd: root,
          encoding: 'utf8',
        }),
      ) as { ink: number; warnings: unknown[] };
      expect(out.warnings).toEqual([]);
      expect(out.ink).toBeGreaterThan(500);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('falls back to the host’s fonts and warns once, with a code, when the package is missing', () => {
    const fonts = createChartFonts(() => {
      throw Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' });
    });
    const warn = vi.fn();
    const first = fonts({ warn });
    fonts({ warn });
    fonts({ warn });
    expect(first).toMatchObject({ fontFiles: [], loadSystemFonts: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toEqual({
      code: 'chart_font_missing',
      package: 'dejavu-fonts-ttf',
    });
  });

  it('labels vanish without a font, which is what the checks above would catch', () => {
    const none = new Resvg(LABELS, { font: { loadSystemFonts: false, fontFiles: [] } });
    expect(inkPixels(none.render())).toBe(0);
  });
});
