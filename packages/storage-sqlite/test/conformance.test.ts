import { describeRepositoryConformance } from '@freehold/engine/conformance';
import { createSqliteRepository } from '../src/index.js';
import { rawRead, tempDir } from './helpers.js';

/** Where each repository under test lives, so the back door and teardown can find it. */
const homes = new WeakMap<object, { file: string; remove(): void }>();

describeRepositoryConformance({
  name: 'sqlite (file)',
  setup: async () => {
    const dir = tempDir();
    const file = dir.file();
    const repo = await createSqliteRepository({ filename: file });
    homes.set(repo, { file, remove: dir.remove });
    return repo;
  },
  reopen: async (repo) => {
    const home = homes.get(repo);
    if (!home) throw new Error('unknown repository');
    await repo.close();
    const reopened = await createSqliteRepository({ filename: home.file });
    homes.set(reopened, home);
    return reopened;
  },
  teardown: async (repo) => {
    await repo.close().catch(() => undefined);
    homes.get(repo)?.remove();
  },
  backdoor: {
    async read(type, id, repo) {
      const home = homes.get(repo);
      if (!home) throw new Error('unknown repository');
      return rawRead(home.file, type, id);
    },
  },
});

describeRepositoryConformance({
  name: 'sqlite (:memory:)',
  setup: () => createSqliteRepository({ filename: ':memory:' }),
});
