/**
 * User and RoleAssignment: who acts, and what they may do in which portfolio.
 * @module
 */
import { z } from 'zod';
import { EmailSchema } from './contact.js';
import {
  addFieldIssue,
  IdSchema,
  InstantSchema,
  nullableDefault,
  omitKeys,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

interface UserChecked {
  email?: string | null;
  erasedAt?: string | null;
}

function checkUser(value: UserChecked, ctx: z.RefinementCtx): void {
  if (value.email === null && value.erasedAt == null) {
    addFieldIssue(
      ctx,
      ['email'],
      'an email address (only an erased user has none)',
      'is required unless the user was erased',
      null,
    );
  }
}

const userFields = {
  /** Email address; unique. Null only once the user's data was erased. */
  email: EmailSchema.nullable(),
  /** Display name. */
  name: textSchema(200),
};

/** A stored user: email, name, and `erasedAt` once their personal data was erased (email then null). */
export const UserSchema = z
  .strictObject({ ...recordFields, ...userFields, erasedAt: InstantSchema.nullable() })
  .superRefine(checkUser);
/** A stored user. */
export type User = z.infer<typeof UserSchema>;

/** What a caller passes to create a user: email and name. */
export const UserCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  email: EmailSchema,
  name: userFields.name,
});
/** What a caller passes to create a user. */
export type UserCreate = z.input<typeof UserCreateSchema>;

/** A patch of a user: email, name. Erasure is its own operation. */
export const UserUpdateSchema = z.strictObject(patchShape({ email: EmailSchema, name: userFields.name }));
/** A patch of a user. */
export type UserUpdate = z.input<typeof UserUpdateSchema>;

/** A role in a portfolio: owner (everything), manager (operate; may be scoped to properties), viewer (read). */
export const RoleSchema = z.enum(['owner', 'manager', 'viewer']);
/** A role in a portfolio. */
export type Role = z.output<typeof RoleSchema>;

interface RoleChecked {
  role?: Role;
  propertyIds?: readonly string[] | null;
}

function checkRole(value: RoleChecked, ctx: z.RefinementCtx): void {
  if (value.role === 'owner' && value.propertyIds != null) {
    addFieldIssue(
      ctx,
      ['propertyIds'],
      'null for an owner (owners see every property)',
      'must be null for an owner',
      value.propertyIds,
    );
  }
  if (value.propertyIds != null && new Set(value.propertyIds).size !== value.propertyIds.length) {
    addFieldIssue(
      ctx,
      ['propertyIds'],
      'a list of distinct property ids',
      'lists a property twice',
      value.propertyIds,
    );
  }
}

const roleFields = {
  /** The user granted the role. */
  userId: IdSchema,
  /** The role. */
  role: RoleSchema,
  /** Properties the role is limited to, or null for the whole portfolio (owners are never limited). */
  propertyIds: nullableDefault(z.array(IdSchema).min(1).max(10_000)),
};

/** A stored role assignment: user, portfolio, role, optional property scope. One per user and portfolio. */
export const RoleAssignmentSchema = z
  .strictObject({ ...recordFields, portfolioId: IdSchema, ...roleFields })
  .superRefine(checkRole);
/** A stored role assignment. */
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

/** What a caller passes to grant a role. */
export const RoleAssignmentCreateSchema = z
  .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...roleFields })
  .superRefine(checkRole);
/** What a caller passes to grant a role. */
export type RoleAssignmentCreate = z.input<typeof RoleAssignmentCreateSchema>;

/** A patch of a role assignment: role and scope (the user and portfolio are fixed). */
export const RoleAssignmentUpdateSchema = z
  .strictObject(patchShape(omitKeys(roleFields, ['userId'])))
  .superRefine(checkRole);
/** A patch of a role assignment. */
export type RoleAssignmentUpdate = z.input<typeof RoleAssignmentUpdateSchema>;
