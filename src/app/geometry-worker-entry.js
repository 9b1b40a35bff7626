// Worker-thread entry: loads the TypeScript sources through tsx, as bin/truceline.js does.
import { register } from 'tsx/esm/api';

register();
await import('./geometry-worker.ts');
