/**
 * Another writer changed the item since it was read: its eTag no longer matches. The turn that read it may be
 * re-run on the newer state; writing anyway would silently drop the other writer's change.
 */
export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';

  constructor(readonly key: string) {
    // The message is the one botbuilder's own storages use, which callers may already match on.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/** The state store did not answer in time, or answered with a failure that is not the caller's doing. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}
