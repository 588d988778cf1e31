/**
 * What /readyz reports: ready once the knowledge has loaded and the bot is built (the server only starts after
 * that), not ready again while shutting down, so a load balancer stops sending new turns before the process goes.
 */
export class Readiness {
  private draining = false;

  constructor(private readonly detail: Readonly<Record<string, number | readonly string[]>>) {}

  get ready(): boolean {
    return !this.draining;
  }

  drain(): void {
    this.draining = true;
  }

  report(): { status: 'ready' | 'draining'; knowledge: Readonly<Record<string, number | readonly string[]>> } {
    return { status: this.draining ? 'draining' : 'ready', knowledge: this.detail };
  }
}
