import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { Logger } from '../../logger';

/** The family every chart label is set in; shipped with the package, Cyrillic included. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** The files of that family in the `dejavu-fonts-ttf` package: regular (labels) and bold (titles). */
const SHIPPED_FONTS = [
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
] as const;

export type ResolveFile = (specifier: string) => string;
export type ChartFontOptions = NonNullable<ResvgRenderOptions['font']>;

/**
 * Node's own module lookup from this file: it finds node_modules from src/ under tsx and from a
 * bundle in dist/ alike (a bundle keeps its packages external), and throws when a file is absent.
 */
const resolveFromHere: ResolveFile = createRequire(import.meta.url).resolve;

/**
 * The chart's fonts, looked up once: the shipped files only, so a label never depends on what
 * the host has installed (a slim container has no fonts at all, and resvg then draws no text).
 * When the package is missing, the host's fonts are the fallback and a warning is logged once.
 */
export function createChartFonts(
  resolve: ResolveFile = resolveFromHere,
): (logger?: Pick<Logger, 'warn'>) => ChartFontOptions {
  let options: ChartFontOptions | undefined;
  let warned = false;
  return (logger) => {
    if (!options) {
      const files = SHIPPED_FONTS.flatMap((specifier) => {
        try {
          return [resolve(specifier)];
        } catch {
          return [];
        }
      });
      options = {
        fontFiles: files,
        loadSystemFonts: files.length === 0,
        defaultFontFamily: CHART_FONT_FAMILY,
        sansSerifFamily: CHART_FONT_FAMILY,
      };
    }
    if (options.fontFiles?.length === 0 && logger && !warned) {
      warned = true;
      logger.warn(
        { code: 'chart_font_missing', package: 'dejavu-fonts-ttf' },
        'chart font not found; labels fall back to system fonts and may not show',
      );
    }
    return options;
  };
}

/** The process's chart fonts. */
export const chartFonts = createChartFonts();
