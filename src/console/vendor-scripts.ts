/**
 * Browser builds of packages the console page uses, served as assets beside
 * public/ (the page has no build step): VChart's single-file UMD build,
 * which card-view.js loads the first time a card holds a chart element.
 * Read from node_modules, so the version is the one package.json pins.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Asset name → the file served for it. */
export const VENDOR_SCRIPTS: Readonly<Record<string, string>> = {
  'vchart.js': require.resolve('@visactor/vchart/build/index.min.js'),
};
