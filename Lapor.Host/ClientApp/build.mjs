// Bundles the process designer (bpmn-js + properties panel + our Lapor properties group), the auditor's instance
// viewer (bpmn-js NavigatedViewer) and the decision table editor (dmn-js) with esbuild. Run by the MSBuild target LaporDesignerBundle after `npm ci`; writes
// only to wwwroot/lib/designer, wwwroot/lib/viewer and wwwroot/lib/decisions (git-ignored).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rm } from 'node:fs/promises';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '..', 'wwwroot', 'lib', 'designer');
const viewerOutdir = path.resolve(here, '..', 'wwwroot', 'lib', 'viewer');
const decisionsOutdir = path.resolve(here, '..', 'wwwroot', 'lib', 'decisions');

// A clean folder each time: no stale chunk or map from an earlier build is served.
await rm(outdir, { recursive: true, force: true });
await rm(viewerOutdir, { recursive: true, force: true });
await rm(decisionsOutdir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: {
    designer: path.join(here, 'designer', 'index.js'),
    'designer-diff': path.join(here, 'designer', 'diff.js'),
    'designer-styles': path.join(here, 'designer', 'styles.css')
  },
  outdir,
  bundle: true,
  minify: true,
  // Maps are 7 MB; build them on demand (LAPOR_SOURCEMAP=1) when debugging the designer.
  sourcemap: process.env.LAPOR_SOURCEMAP === '1' ? 'linked' : false,
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

// The viewer needs no properties panel and no JSX: a second, much smaller bundle.
await esbuild.build({
  entryPoints: {
    viewer: path.join(here, 'viewer', 'index.js'),
    'viewer-styles': path.join(here, 'viewer', 'styles.css')
  },
  outdir: viewerOutdir,
  bundle: true,
  minify: true,
  sourcemap: process.env.LAPOR_SOURCEMAP === '1' ? 'linked' : false,
  format: 'iife',
  target: ['es2020'],
  assetNames: '[name]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  legalComments: 'linked',
  logLevel: 'warning'
});

// The decision table editor (dmn-js), its own bundle so the process designer's pages do not carry it.
await esbuild.build({
  entryPoints: {
    decisions: path.join(here, 'decisions', 'index.js'),
    'decisions-styles': path.join(here, 'decisions', 'styles.css')
  },
  outdir: decisionsOutdir,
  bundle: true,
  minify: true,
  sourcemap: process.env.LAPOR_SOURCEMAP === '1' ? 'linked' : false,
  format: 'iife',
  target: ['es2020'],
  assetNames: '[name]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  legalComments: 'linked',
  logLevel: 'warning'
});
