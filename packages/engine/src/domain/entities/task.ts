/**
 * Task: something a person has to do (repair, inspection, renewal), possibly raised from an alert.
 * @module
 */
import { z } from 'zod';
import { PrioritySchema } from './alert.js';
import {
  DateSchema,
  IdSchema,
  InstantSchema,
  nullableDefault,
  optionalTextSchema,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

/** A task's state. */
export const TaskStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled']);
/** A task's state. */
export type TaskStatus = z.output<typeof TaskStatusSchema>;

/** What a task is about. */
export const TaskCategorySchema = z.enum([
  'maintenance',
  'inspection',
  'leasing',
  'renewal',
  'financial',
  'legal',
  'other',
]);
/** What a task is about. */
export type TaskCategory = z.output<typeof TaskCategorySchema>;

const taskFields = {
  /** The property concerned, or null. */
  propertyId: nullableDefault(IdSchema),
  /** The unit concerned, or null. */
  unitId: nullableDefault(IdSchema),
  /** Short title. */
  title: textSchema(200),
  /** Longer description. */
  description: optionalTextSchema(10_000),
  /** Due date, or null. */
  dueDate: nullableDefault(DateSchema),
  /** State (default open). */
  status: TaskStatusSchema.default('open'),
  /** Urgency (default medium). */
  priority: PrioritySchema.default('medium'),
  /** What it is about, or null. */
  category: nullableDefault(TaskCategorySchema),
  /** The user responsible, or null. */
  assigneeId: nullableDefault(IdSchema),
  /** The alert it was raised from, or null. */
  alertId: nullableDefault(IdSchema),
  /** When it was done or cancelled. */
  completedAt: nullableDefault(InstantSchema),
};

/** A stored task: title, description, due date, status, priority, category, assignee, originating alert. */
export const TaskSchema = z.strictObject({ ...recordFields, portfolioId: IdSchema, ...taskFields });
/** A stored task. */
export type Task = z.infer<typeof TaskSchema>;

/** What a caller passes to create a task: a title; status open and priority medium by default. */
export const TaskCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  portfolioId: IdSchema,
  ...taskFields,
});
/** What a caller passes to create a task. */
export type TaskCreate = z.input<typeof TaskCreateSchema>;

/** A patch of a task (any field). */
export const TaskUpdateSchema = z.strictObject(patchShape(taskFields));
/** A patch of a task. */
export type TaskUpdate = z.input<typeof TaskUpdateSchema>;
