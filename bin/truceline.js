#!/usr/bin/env node
// The `truceline` command: loads the TypeScript sources through tsx (no build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
