#!/usr/bin/env node
// The `powershare` command. It runs the TypeScript sources directly through tsx, so the
// command works from a clone without a build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
