#!/usr/bin/env node
// `policy-audit <url...>` and `policy-audit merge …`: the headless CLI, run from its TypeScript
// sources (lib/headless/cli.ts) through tsx's loader. The loader is registered in this process,
// not a child one, so Ctrl-C reaches the audit (which then writes its partial report) and the
// exit code is the audit's own.
import { register } from 'tsx/esm/api';

// The help then names the command as typed here, not `npm run audit --` (lib/headless/usage.ts).
process.env.POLICY_AUDIT_COMMAND = 'policy-audit';
register();
const { main } = await import('../lib/headless/cli.ts');
await main(process.argv.slice(2));
