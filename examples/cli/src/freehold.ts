#!/usr/bin/env node
/**
 * The `freehold` executable: runs the CLI on the real process and sets the exit code (0 success, 1 failure,
 * 2 wrong usage). The shebang is added by the build (tsup `banner`).
 * @module
 */
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/run-cli.js';
import { COMMANDS } from './commands/index.js';

process.exitCode = await runCli(process.argv.slice(2), processIo(), COMMANDS);
