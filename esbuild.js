// Bundles the extension client, the language server and the command line into dist/ (or, with --bench, the benchmarks into out/bench/).
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--bench`: the benchmark scripts instead, bundled into out/bench/ as the server is, so they time the code as it ships.
const bench = process.argv.includes('--bench');

/** Reports build results in the format of VS Code's esbuild problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/node/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Worker thread of the server and the CLI (found next to them at run time); without it they extract in-process.
  { entryPoints: ['server/src/node/extractWorker.ts'], outfile: 'dist/extractWorker.js' },
];

const benchEntries = ['corpus', 'checks', 'server'].map((name) => ({ entryPoints: [`bench/${name}.ts`], outfile: `out/bench/${name}.js` }));

async function main() {
  const { existsSync } = require('node:fs');
  const contexts = await Promise.all(
    (bench ? benchEntries : entries)
      .filter((e) => existsSync(e.entryPoints[0]))
      .map((e) => esbuild.context({ ...common, ...e })),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
