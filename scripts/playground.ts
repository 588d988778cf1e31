// npm run playground [-- playground options]: opens Microsoft 365 Agents Playground (the pinned devDependency) on the
// local bot, as the Teams channel, with the Playground's telemetry off. Start the bot first with `npm start`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { commandConfig } from './command-config.js';

/** The Playground's own entry point; run with this Node so no global install or PATH lookup is needed. */
const PLAYGROUND_CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
/** The bot speaks as it would in Teams: mentions, cards and suggested actions as Teams renders them. */
const CHANNEL = 'msteams';

const config = commandConfig();

const endpoint = `http://127.0.0.1:${config.port}/api/messages`;
// With an app id the bot checks tokens, so the Playground must sign its requests as that app; it reads these variables.
const auth = config.authEnabled
  ? { AUTH_CLIENT_ID: config.auth.MicrosoftAppId, AUTH_CLIENT_SECRET: config.auth.MicrosoftAppPassword, AUTH_TENANT_ID: config.auth.MicrosoftAppTenantId || undefined }
  : {};
console.log(`Agents Playground → ${endpoint} (channel ${CHANNEL}${config.authEnabled ? `, signed in as ${config.auth.MicrosoftAppId}` : ''})`);

const child = spawn(process.execPath, [PLAYGROUND_CLI, '-e', endpoint, '-c', CHANNEL, '--dt', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...auth },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
