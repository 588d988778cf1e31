/** Answers whether a dependency can serve right now; it must answer promptly (it bounds its own wait). */
export type HealthCheck = () => Promise<boolean>;

export interface ReadinessReport {
  readonly status: 'ready' | 'draining' | 'unavailable';
  readonly knowledge: Readonly<Record<string, number | readonly string[]>>;
  /** Present when the state store can fail (blob storage): whether it answers. */
  readonly storage?: 'ok' | 'unavailable';
}

/**
 * What /readyz reports: ready once the knowledge has loaded and the bot is built (the server only starts after
 * that), not ready while the state store does not answer (every turn would fail), and not ready again while
 * shutting down, so a load balancer stops sending new turns before the process goes.
 */
export class Readiness {
  private draining = false;

  constructor(private readonly detail: Readonly<Record<string, number | readonly string[]>>, private readonly storageHealth?: HealthCheck) {}

  /** True from SIGTERM on. */
  get isDraining(): boolean {
    return this.draining;
  }

  drain(): void {
    this.draining = true;
  }

  async report(): Promise<ReadinessReport> {
    const storage = this.storageHealth ? ((await this.storageHealth().catch(() => false)) ? 'ok' : 'unavailable') : undefined;
    const status = this.draining ? 'draining' : storage === 'unavailable' ? 'unavailable' : 'ready';
    return { status, knowledge: this.detail, ...(storage ? { storage } : {}) };
  }
}
