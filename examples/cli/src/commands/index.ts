/**
 * The commands of the CLI, in the order help lists them. Commands join when their engine exists.
 * @module
 */
import type { CommandSpec } from '../cli/command-spec.js';
import { dashboardCommand } from './dashboard-command.js';
import { demoCommand } from './demo-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { initCommand } from './init-command.js';
import { tasksCommand } from './tasks-command.js';

/** Every command. */
export const COMMANDS: readonly CommandSpec[] = [
  demoCommand,
  initCommand,
  importCommand,
  exportCommand,
  dashboardCommand,
  tasksCommand,
];
