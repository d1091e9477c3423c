/**
 * `@freehold/cli` as a library: run the CLI with your own streams, or generate the demo portfolio's data.
 * @packageDocumentation
 */
export { CliFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './cli/cli-errors.js';
export { type CliIo, type OutputStream, processIo } from './cli/cli-io.js';
export type { CommandContext, CommandSpec } from './cli/command-spec.js';
export { runCli } from './cli/run-cli.js';
export { COMMANDS } from './commands/index.js';
export type { DemoKey, DemoPlan, Planned, PlanRefs } from './demo/demo-plan.js';
export { DEMO_HISTORY_MONTHS, type DemoOptions, generateDemoPlan } from './demo/generate-demo.js';
export { type DemoCounts, demoCounts, loadDemoPlan } from './demo/load-demo.js';
