// Bundles the process designer (bpmn-js + properties panel + our Lapor properties group) with esbuild.
// Run by the MSBuild target LaporDesignerBundle after `npm ci`; writes only to wwwroot/lib/designer (git-ignored).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '..', 'wwwroot', 'lib', 'designer');

await esbuild.build({
  entryPoints: {
    designer: path.join(here, 'designer', 'index.js'),
    'designer-styles': path.join(here, 'designer', 'styles.css')
  },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  // The properties panel is written in Preact; our own entries use JSX against the panel's copy of it.
  jsx: 'automatic',
  jsxImportSource: '@bpmn-io/properties-panel/preact',
  assetNames: '[name]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  // Licence comments (including bpmn.io's) stay in a separate file next to the bundle.
  legalComments: 'linked',
  logLevel: 'warning'
});
