/**
 * A command's view of Freehold: the database opened, the SDK over it acting as the local single-user owner, and
 * the portfolio chosen with `--portfolio` (or the only one).
 * @module
 */
import {
  type Clock,
  createFreehold,
  type Freehold,
  type FreeholdSession,
  fixedClock,
  type IdGenerator,
  LOCAL_OWNER,
  type Portfolio,
  systemClock,
  type User,
  uuidV7Ids,
} from '@freehold/engine';
import { type OpenMode, type OpenStorage, openStorage } from '../storage/open-storage.js';
import { describeTarget, type StorageTarget } from '../storage/storage-target.js';
import { CliFailure, UsageError } from './cli-errors.js';

/** An open database with the SDK over it. */
export interface CliSession {
  /** The open storage. */
  readonly storage: OpenStorage;
  /** The SDK. */
  readonly sdk: Freehold;
  /** The local owner the CLI acts as. */
  readonly owner: User;
  /** The session acting as the local owner. */
  readonly session: FreeholdSession;
}

/** The clock and ids of ordinary commands: the system clock, UUIDv7 ids. */
export function systemServices(): { clock: Clock; ids: IdGenerator } {
  return { clock: systemClock, ids: uuidV7Ids({ clock: systemClock }) };
}

/** Options of {@link openSession}. */
export interface SessionOptions {
  /** Clock and ids of the SDK (default: the system clock and UUIDv7 ids). */
  readonly services?: { readonly clock: Clock; readonly ids: IdGenerator };
  /**
   * The local owner to create when the database has none yet, with this id and name (an imported snapshot's
   * owner, so that the snapshot's records keep their owner).
   */
  readonly ownerIfNew?: { readonly id: string; readonly name: string; readonly createdAt?: string };
}

/** Opens `target` and the SDK over it, acting as the local owner (created on first use). */
export async function openSession(
  target: StorageTarget,
  mode: OpenMode,
  options: SessionOptions = {},
): Promise<CliSession> {
  const storage = await openStorage(target, mode);
  try {
    const services = options.services ?? systemServices();
    const sdk = createFreehold({ storage: storage.repository, ...services });
    const existing = await sdk.users.findByEmail(LOCAL_OWNER.email);
    const wanted = options.ownerIfNew;
    let owner: User;
    if (existing) {
      owner = existing;
    } else if (wanted) {
      // Recreate the snapshot's owner as it was recorded (same id and creation instant), so that the imported
      // portfolio keeps its owner and exports again unchanged.
      const clock = wanted.createdAt ? fixedClock(wanted.createdAt) : services.clock;
      const creator = createFreehold({ storage: storage.repository, clock, ids: services.ids });
      owner = await creator.users.create({ id: wanted.id, email: LOCAL_OWNER.email, name: wanted.name });
    } else {
      owner = await sdk.ensureLocalOwner();
    }
    return { storage, sdk, owner, session: sdk.as(owner.id) };
  } catch (error) {
    await storage.close({ failed: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The portfolio a command works on: `--portfolio ID` when given (it must be one of the local owner's), else
 * the only one. None is a failure; several without `--portfolio` is a usage error listing them.
 */
export async function choosePortfolio(
  cli: CliSession,
  requested: string | undefined,
  command: string,
): Promise<Portfolio> {
  const portfolios = await cli.session.portfolios.list();
  const where = describeTarget(cli.storage.target);
  if (requested !== undefined) {
    const found = portfolios.find((portfolio) => portfolio.id === requested);
    if (!found) {
      const known = portfolios.map((portfolio) => portfolio.id).join(', ') || 'none';
      throw new CliFailure('NO_PORTFOLIO', `no portfolio ${requested} in ${where} (portfolios: ${known})`);
    }
    return found;
  }
  const [only, ...others] = portfolios;
  if (!only) {
    throw new CliFailure(
      'NO_PORTFOLIO',
      `${where} holds no portfolio: create one with "freehold init" or "freehold demo"`,
    );
  }
  if (others.length > 0) {
    const list = portfolios.map((portfolio) => `${portfolio.id} "${portfolio.name}"`).join(', ');
    throw new UsageError(
      `${where} holds ${portfolios.length} portfolios: pick one with --portfolio ID (${list})`,
      command,
    );
  }
  return only;
}
