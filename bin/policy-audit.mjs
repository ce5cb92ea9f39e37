#!/usr/bin/env node
// `policy-audit <url...>` and `policy-audit merge …`: the headless CLI (see load-cli.mjs).
import { loadCli } from './load-cli.mjs';

// The help then names the command as typed here, not `npm run audit --` (lib/headless/usage.ts).
process.env.POLICY_AUDIT_COMMAND = 'policy-audit';
const main = await loadCli();
await main(process.argv.slice(2));
